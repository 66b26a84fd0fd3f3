use super::field::Field;
use crate::context::AppContext;
use crate::parse::{currency, money_text, optional_money};
use crate::state::Action;
use yew::prelude::*;

/// The design's name, currency and business loss per hour.
pub fn design_fields(app: &AppContext) -> Html {
    let on_name = {
        let app = app.clone();
        Callback::from(move |text: String| {
            let name = (!text.trim().is_empty()).then(|| text.trim().to_string());
            app.dispatch(Action::SetName(name));
            None
        })
    };
    let on_currency = {
        let app = app.clone();
        Callback::from(move |text: String| match currency(&text) {
            Ok(code) => {
                app.dispatch(Action::SetCurrency(code));
                None
            }
            Err(message) => Some(message),
        })
    };
    let on_loss = {
        let app = app.clone();
        Callback::from(move |text: String| match optional_money(&text) {
            Ok(loss) => {
                app.dispatch(Action::SetBusinessLoss(loss));
                None
            }
            Err(message) => Some(message),
        })
    };
    html! {
        <div class="toolbar-row design-fields">
            <Field label="Design name" value={app.model.name.clone().unwrap_or_default()}
                on_commit={on_name} testid="model-name" />
            <Field label="Currency" value={app.model.currency.clone()} on_commit={on_currency}
                testid="currency" />
            <Field label="Business loss per hour of downtime"
                value={app.model.business_loss_per_hour.map(money_text).unwrap_or_default()}
                unit={app.model.currency.clone()} on_commit={on_loss} testid="business-loss"
                placeholder="e.g. 5,000" />
        </div>
    }
}
