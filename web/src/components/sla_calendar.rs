use super::calendar_editor::CalendarEditor;
use super::calendar_panel::change;
use crate::hooks::use_app;
use nines_core::model::Component;
use yew::prelude::*;

/// Props of [`SlaCalendar`].
#[derive(Properties, PartialEq)]
pub struct SlaCalendarProps {
    /// The component whose inline SLA is edited.
    pub component: Component,
    /// Called with the edited component.
    pub on_change: Callback<Component>,
}

/// Which of the model's calendars an inline SLA is measured over (every minute when none), and
/// that calendar's editor (the same calendar as under "Calendars", shared by whatever uses it).
#[function_component(SlaCalendar)]
pub fn sla_calendar(props: &SlaCalendarProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let Some(sla) = props.component.sla.as_deref() else {
        return html! {};
    };
    let current = sla.calendar.clone().unwrap_or_default();
    let onchange = {
        let (component, on_change) = (props.component.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut edited = component.clone();
            if let Some(sla) = edited.sla.as_deref_mut() {
                let id = select.value();
                sla.calendar = (!id.is_empty()).then_some(id);
            }
            on_change.emit(edited);
        })
    };
    let describe = |id: &str| {
        app.model
            .calendars
            .get(id)
            .map(|c| format!("{id} — {}", c.describe()))
            .unwrap_or_else(|| id.to_string())
    };
    html! {
        <>
        <label class="field">
            <span class="label">{"Measured over (service hours)"}</span>
            <select {onchange} data-testid="sla-calendar">
                <option value="" selected={current.is_empty()}>{"every minute (24×7)"}</option>
                {for app.model.calendars.keys().map(|id| html! {
                    <option value={id.clone()} selected={*id == current}>{describe(id)}</option>
                })}
            </select>
        </label>
        if let Some(calendar) = app.model.calendars.get(&current) {
            <CalendarEditor calendar={calendar.clone()} on_change={change(&app, &current)} testid="sla-cal" />
        }
        </>
    }
}
