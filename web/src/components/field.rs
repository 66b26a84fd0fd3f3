use yew::prelude::*;

/// Props of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The visible label.
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// Called with the text when the user commits it (Enter or leaving the field, or every
    /// keystroke when `live`); returns an error message to show, or `None` when accepted.
    pub on_commit: Callback<String, Option<String>>,
    /// `data-testid` of the input.
    #[prop_or_default]
    pub testid: AttrValue,
    /// The input type.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// A hint after the input, e.g. a unit.
    #[prop_or_default]
    pub unit: AttrValue,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Commits as the user types.
    #[prop_or_default]
    pub live: bool,
}

/// A labelled input that commits on change (or as you type) and shows the validation error
/// inline; the error goes as soon as the text is accepted.
#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let error = use_state(|| None::<String>);
    let commit = {
        let error = error.clone();
        let on_commit = props.on_commit.clone();
        move |e: &Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            error.set(on_commit.emit(input.value()));
        }
    };
    let onchange = {
        let commit = commit.clone();
        Callback::from(move |e: Event| commit(&e))
    };
    let oninput = props
        .live
        .then(|| Callback::from(move |e: InputEvent| commit(&e)));
    let error_id = (!props.testid.is_empty()).then(|| format!("{}-error", props.testid));
    html! {
        <label class={classes!("field", error.is_some().then_some("invalid"))}>
            <span class="label">{props.label.clone()}</span>
            <span class="input-row">
                <input type={props.kind.clone()} value={props.value.clone()} {onchange} {oninput}
                    placeholder={props.placeholder.clone()}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.is_some().then(|| error_id.clone()).flatten()}
                    data-testid={props.testid.clone()} />
                if !props.unit.is_empty() { <span class="unit">{props.unit.clone()}</span> }
            </span>
            if let Some(message) = &*error {
                <span class="error" role="alert" id={error_id.clone()} data-testid={error_id.clone()}>{message}</span>
            }
        </label>
    }
}
