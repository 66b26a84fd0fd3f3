use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// `value` once it has stayed the same for `ms` milliseconds (the first value at once): for
/// work that should follow edits without running on every keystroke.
#[hook]
pub fn use_debounced<T: Clone + PartialEq + 'static>(value: T, ms: u32) -> T {
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timeout = (*settled != value).then(|| Timeout::new(ms, move || settled.set(value)));
            move || drop(timeout)
        });
    }
    (*settled).clone()
}
