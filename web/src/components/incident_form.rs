use super::field::Field;
use crate::bind::{keep_selected, keep_text};
use crate::hooks::use_app;
use crate::parse::{minutes, optional_copy, timestamp};
use crate::state::Action;
use crate::tree;
use nines_core::model::Incident;
use yew::prelude::*;

/// A new incident: which component, when (UTC), how long (`60`, `1h`, `1:30`), which copy.
#[function_component(IncidentForm)]
pub fn incident_form() -> Html {
    let start = use_state(String::new);
    let duration = use_state(|| "60".to_string());
    let copy = use_state(String::new);
    let component = use_state(String::new);
    let error = use_state(|| None::<String>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let ids: Vec<String> = tree::ids(&app.model).into_iter().collect();
    let default_start = format!("{}-01T09:00", app.month);
    let chosen = if ids.contains(&component) {
        (*component).clone()
    } else {
        ids.first().cloned().unwrap_or_default()
    };
    let shown_start = if start.is_empty() {
        default_start
    } else {
        (*start).clone()
    };
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            start.set(input.value());
        })
    };
    let on_add = {
        let (app, duration, copy, error) =
            (app.clone(), duration.clone(), copy.clone(), error.clone());
        let (chosen, when) = (chosen.clone(), shown_start.clone());
        Callback::from(move |_| {
            let incident = (|| -> Result<Incident, String> {
                if chosen.is_empty() {
                    return Err("pick a component".to_string());
                }
                Ok(Incident {
                    component: chosen.clone(),
                    start: timestamp(&when)?,
                    minutes: minutes(&duration)?,
                    copy: optional_copy(&copy)?,
                })
            })();
            match incident {
                Ok(incident) => {
                    error.set(None);
                    app.dispatch(Action::AddIncident(incident));
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    html! {
        <>
            <div class="form-row incident-form">
                <label class="field">
                    <span class="label">{"Component"}</span>
                    <select onchange={keep_selected(&component)} data-testid="incident-component">
                        {for ids.iter().map(|id| html! { <option value={id.clone()} selected={*id == chosen}>{app.labels.text(id)}</option> })}
                    </select>
                </label>
                <label class="field start">
                    <span class="label">{"Start (UTC)"}</span>
                    <input type="datetime-local" value={shown_start} onchange={on_start} data-testid="incident-start" />
                </label>
                <Field label="Duration (minutes, or 1h, 1:30)" value={(*duration).clone()} on_commit={keep_text(&duration)} testid="incident-minutes" />
                <Field label="Copy (optional)" value={(*copy).clone()} on_commit={keep_text(&copy)} testid="incident-copy" placeholder="all copies" />
                <button class="primary" onclick={on_add} data-testid="incident-add" disabled={ids.is_empty()}>{"Add incident"}</button>
            </div>
            if let Some(message) = &*error { <p class="error" role="alert" data-testid="incident-error">{message}</p> }
        </>
    }
}
