use crate::context::AppContext;
use crate::startup::today;
use yew::prelude::*;

/// The printed report's heading: the design's name, the date and the catalog version (shown
/// only when printing).
pub fn print_header(app: &AppContext) -> Html {
    let date = today();
    let version = app.library.catalog().version();
    html! {
        <div class="print-only print-header" data-testid="print-header">
            <h1>{app.model.name.clone().unwrap_or_else(|| "Untitled design".to_string())}</h1>
            <p>
                {format!("Availability report of {date}, figures for {} · SLA catalog {} ({}) · nines-core {}",
                    app.convention(), version.version, version.date, env!("CARGO_PKG_VERSION"))}
            </p>
        </div>
    }
}
