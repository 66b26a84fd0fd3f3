use super::incident_form::IncidentForm;
use super::incident_table::incident_table;
use super::scenario_result::scenario_result;
use crate::context::AppContext;
use yew::prelude::*;

/// The outage scenario: incidents in; the architecture's downtime, a timeline of the month and
/// the credit each SLA owes (with its reason) out.
pub fn scenario_panel(app: &AppContext) -> Html {
    html! {
        <section class="panel scenario" aria-labelledby="scenario-heading" data-testid="scenario">
            <h2 id="scenario-heading">{"Outage scenario"}</h2>
            <p class="hint">{format!("Add incidents to see the architecture's downtime and the credits each SLA owes for the month ({}).", app.convention())}</p>
            <IncidentForm />
            if !app.model.incidents.is_empty() {
                {incident_table(app)}
                {scenario_result(app)}
            }
        </section>
    }
}
