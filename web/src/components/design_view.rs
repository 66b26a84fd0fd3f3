use super::add_dialog::AddDialog;
use super::architecture_panel::ArchitecturePanel;
use super::calendar_panel::calendar_panel;
use super::improve_panel::ImprovePanel;
use super::results::results;
use super::risk_panel::RiskPanel;
use super::scenario_panel::scenario_panel;
use super::summary_bar::summary_bar;
use crate::context::AppContext;
use yew::prelude::*;

/// The design page: the architecture (diagram or list, and the selected node's form) beside
/// the results, the outage scenario and the risk panel below.
pub fn design_view(app: &AppContext) -> Html {
    html! {
        <div class="design">
            <ArchitecturePanel />
            {results(app)}
            <ImprovePanel />
            {scenario_panel(app)}
            {calendar_panel(app)}
            <RiskPanel />
            {summary_bar(app)}
            <AddDialog />
        </div>
    }
}
