use crate::library::Library;
use std::rc::Rc;
use yew::prelude::*;

/// The catalog an analysis-worker job passes as the package's `catalog` option (JSON text):
/// `None` while the user has imported nothing, else the merged catalog, written once per
/// library rather than on every render.
#[hook]
pub fn use_worker_catalog(library: &Library) -> Option<Rc<str>> {
    (*use_memo(library.clone(), |l| l.worker_catalog().map(Rc::<str>::from))).clone()
}
