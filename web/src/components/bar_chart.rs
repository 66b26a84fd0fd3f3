use crate::chart::draw;
use crate::hooks::use_dark_scheme;
use yew::prelude::*;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Its label (wrapped at word boundaries).
    pub label: String,
    /// Its length in the chart's unit.
    pub value: f64,
    /// The figure written after the bar.
    pub text: String,
}

/// How bar lengths follow values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Proportional.
    Linear,
    /// Proportional to log10(1 + value), with a gridline at each power of ten: for money, so
    /// that hundreds stay visible beside hundreds of thousands.
    Log,
}

/// Props of [`BarChart`].
#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// What the chart shows (the canvas's accessible name).
    pub title: AttrValue,
    /// `data-testid` of the canvas.
    #[prop_or_default]
    pub testid: AttrValue,
    /// Linear or log.
    pub scale: Scale,
}

/// A horizontal bar chart drawn with plotters on a canvas at the device's pixel ratio, in the
/// page's colours (light or dark); the figures are also in a table for screen readers.
#[function_component(BarChart)]
pub fn bar_chart(props: &BarChartProps) -> Html {
    let canvas = use_node_ref();
    let dark = use_dark_scheme();
    {
        let canvas = canvas.clone();
        use_effect_with(
            (props.bars.clone(), props.scale, dark),
            move |(bars, scale, _)| {
                if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    let _ = draw(&element, bars, *scale);
                }
            },
        );
    }
    html! {
        <div class="chart-box">
            <canvas ref={canvas} class="chart" role="img" aria-label={props.title.clone()} data-testid={props.testid.clone()} />
            <div class="visually-hidden">
                <table>
                    <caption>{props.title.clone()}</caption>
                    <tbody>{for props.bars.iter().map(|b| html! { <tr><th scope="row">{&b.label}</th><td>{&b.text}</td></tr> })}</tbody>
                </table>
            </div>
        </div>
    }
}
