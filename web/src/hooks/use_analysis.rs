use crate::analysis::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// This component's analysis client: the same one across renders; its worker is made on the
/// first job and terminated when the component goes away.
#[hook]
pub fn use_analysis() -> Rc<Analysis> {
    use_memo((), |()| Analysis::default())
}
