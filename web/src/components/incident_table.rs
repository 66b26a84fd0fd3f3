use crate::context::AppContext;
use crate::state::Action;
use nines_core::{format_duration_brief, JsonPath};
use yew::prelude::*;

/// The incidents, each marked in place when nines-core left it out of the month (or clipped
/// it), with a way to show the month it falls in.
pub fn incident_table(app: &AppContext) -> Html {
    let warnings = app
        .evaluation
        .report()
        .map(|r| r.warnings.clone())
        .unwrap_or_default();
    let note = |i: usize| -> Option<String> {
        let at = JsonPath::from("incidents").index(i);
        warnings
            .iter()
            .find(|w| {
                w.path == at
                    || w.path == at.clone().key("start")
                    || w.path == at.clone().key("copy")
            })
            .map(|w| w.message.clone())
    };
    html! {
        <div class="table-scroll">
        <table class="incidents" data-testid="incidents">
            <caption>{"Incidents"}</caption>
            <thead><tr><th scope="col">{"Component"}</th><th scope="col">{"Start (UTC)"}</th><th scope="col">{"Lasted"}</th>
                <th scope="col">{"Copy"}</th><th scope="col"><span class="visually-hidden">{"Remove"}</span></th></tr></thead>
            <tbody>
                {for app.model.incidents.iter().enumerate().map(|(i, inc)| {
                    let note = note(i);
                    let month = crate::describe::month_of(inc.start);
                    html! {
                        <tr class={classes!(note.is_some().then_some("outside"))} data-testid="incident-row">
                            <td>{app.labels.text(&inc.component)}</td>
                            <td>{crate::describe::minute(inc.start)}
                                if let Some(note) = &note {
                                    <span class="mark outside-mark" data-testid="incident-outside">{note.clone()}</span>
                                    if month != app.month {
                                        <button class="link" data-testid="incident-show-month" onclick={app.on(Action::SetMonth(month.clone()))}>
                                            {format!("Show {month}")}</button>
                                    }
                                }
                            </td>
                            <td>{format_duration_brief(inc.minutes * 60.0)}</td>
                            <td>{inc.copy.map(|c| c.to_string()).unwrap_or_else(|| "all".to_string())}</td>
                            <td><button aria-label={format!("Remove incident {} ({})", i + 1, inc.component)}
                                onclick={app.on(Action::RemoveIncident(i))}>{"✕"}</button></td>
                        </tr>
                    }
                })}
            </tbody>
        </table>
        </div>
    }
}
