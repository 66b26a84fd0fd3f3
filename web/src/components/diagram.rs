use crate::diagram_dom::{draw, part};
use crate::diagram_svg::{diagram_svg, DiagramMarkup};
use crate::hooks::{use_app, use_focus_request};
use crate::keys::keydown;
use crate::layout::layout;
use crate::state::{Action, Adding};
use crate::tree::{self, NodePath};
use gloo_events::EventListener;
use yew::prelude::*;

/// Props of [`Diagram`].
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    /// The box around the `<svg>` (for focus and export).
    pub container: NodeRef,
}

/// The reliability block diagram: click or arrow keys select, a group's "+" adds to it,
/// dragging a block onto a group moves it there.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let container = props.container.clone();
    let width = use_state(|| 1000.0);
    let drag = use_mut_ref(|| None::<NodePath>);
    let drawn = use_mut_ref(DiagramMarkup::default);
    {
        let (container, width) = (container.clone(), width.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                let w = container
                    .cast::<web_sys::Element>()
                    .map_or(0.0, |e| f64::from(e.client_width()));
                if w > 0.0 && (w - *width).abs() > 1.0 {
                    width.set(w);
                }
            };
            measure();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    let app = use_app();
    let (request, selected) = app
        .as_ref()
        .map_or((0, Vec::new()), |a| (a.focus_request, a.selected.clone()));
    let root = app.as_ref().map(|a| a.model.root.clone());
    let shared: Vec<String> = app
        .as_ref()
        .map(|a| a.model.shared.keys().cloned().collect())
        .unwrap_or_default();
    let geometry = use_memo((root, *width, shared), |(root, width, shared)| {
        root.as_ref()
            .map(|r| layout(r, (width - 60.0).max(200.0), shared))
            .unwrap_or_default()
    });
    // Slightly too wide: drawn a little smaller; much too wide: scrolled.
    let room = *width - 4.0;
    let scale = if geometry.width > room && geometry.width <= room * 1.12 {
        room / geometry.width
    } else {
        1.0
    };
    let markup = app.as_ref().map(|app| diagram_svg(app, &geometry, scale));
    {
        // Draw first, then move the focus (to the parts just drawn).
        let (container, drawn) = (container.clone(), drawn.clone());
        use_effect_with(markup, move |markup| {
            if let Some(markup) = markup {
                draw(&container, &mut drawn.borrow_mut(), markup);
            }
        });
    }
    use_focus_request(container.clone(), request, selected);
    let Some(app) = app else {
        return html! {};
    };
    let onclick = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((group, _)) = part(&e, "data-add") {
                app.dispatch(Action::OpenAdd(Adding::To(group)));
            } else if let Some((path, _)) = part(&e, "data-path") {
                app.dispatch(Action::Select(path));
            }
        })
    };
    let onmousedown = {
        let drag = drag.clone();
        Callback::from(move |e: MouseEvent| {
            *drag.borrow_mut() = part(&e, "data-path")
                .map(|(p, _)| p)
                .filter(|p| !p.is_empty())
        })
    };
    let onmouseup = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            let from = drag.borrow_mut().take();
            let into =
                from.as_ref()
                    .zip(part(&e, "data-path"))
                    .and_then(|(from, (over, frame))| {
                        tree::drop_target(&app.model.root, from, &over, frame)
                    });
            if let (Some(from), Some(into)) = (from, into) {
                app.dispatch(Action::MoveTo(from, into));
            }
        })
    };
    let onkeydown = keydown(&app);
    html! {
        <div class="diagram-scroll" ref={container} data-testid="diagram" {onclick} {onkeydown} {onmousedown} {onmouseup}>
        </div>
    }
}
