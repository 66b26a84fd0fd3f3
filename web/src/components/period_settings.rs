use crate::context::AppContext;
use crate::state::{Action, ConventionChoice};
use yew::prelude::*;

/// The month (the current one unless changed) and the month convention of every figure.
pub fn period_settings(app: &AppContext) -> Html {
    let on_month = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::SetMonth(input.value()));
        })
    };
    let on_convention = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(choice) = ConventionChoice::from_key(&select.value()) {
                app.dispatch(Action::SetConvention(choice));
            }
        })
    };
    let calendar = app.convention == ConventionChoice::CalendarMonth;
    html! {
        <div class="settings">
            <label class="field compact">
                <span class="label">{"Month"}</span>
                <input type="month" value={app.month.clone()} onchange={on_month}
                    disabled={!calendar} data-testid="month" />
            </label>
            <label class="field compact">
                <span class="label">{"Month convention"}</span>
                <select onchange={on_convention} data-testid="convention">
                    {for ConventionChoice::ALL.into_iter().map(|c| html! {
                        <option value={c.key()} selected={app.convention == c}>{c.label()}</option>
                    })}
                </select>
            </label>
        </div>
    }
}
