use crate::context::AppContext;
use yew::prelude::*;

/// What every figure assumes, in a few sentences (printed with the report).
pub fn assumptions(app: &AppContext) -> Html {
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let catalog = &report.catalog;
    html! {
        <div class="assumptions" data-testid="assumptions">
            <h3>{"Assumptions"}</h3>
            <ul>
                <li>{format!("Downtime figures: {}.", report.convention.description)}</li>
                <li>{"Components fail independently, except shared components, which count once wherever they are used."}</li>
                <li>{"A catalog component's availability is its SLA commitment: a contractual floor under the provider's own downtime definition, not a measurement."}</li>
                <li>{"Failover loses the whole switchover time on every primary failure; the standby is ready whenever it is up."}</li>
                <li>{format!("SLA catalog {} ({}); computed by {}.", catalog.version, catalog.date, report.generator)}</li>
            </ul>
        </div>
    }
}
