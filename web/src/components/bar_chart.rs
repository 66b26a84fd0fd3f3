use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Its label.
    pub label: String,
    /// Its length in the chart's unit.
    pub value: f64,
    /// The figure written after the bar.
    pub text: String,
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
}

const WIDTH: u32 = 640;
const FONT_FAMILY: &str = "sans-serif";
const FONT_SIZE: u32 = 13;
const ROW: u32 = 30;
const PALETTE: [RGBColor; 4] = [
    RGBColor(37, 99, 235),
    RGBColor(217, 119, 6),
    RGBColor(5, 150, 105),
    RGBColor(190, 18, 60),
];

/// A horizontal bar chart drawn with plotters on a canvas; the figures are also written as text.
#[function_component(BarChart)]
pub fn bar_chart(props: &BarChartProps) -> Html {
    let canvas = use_node_ref();
    let height = ROW * (props.bars.len() as u32).max(1) + 16;
    {
        let canvas = canvas.clone();
        use_effect_with(props.bars.clone(), move |bars| {
            if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                let _ = draw(element, bars);
            }
        });
    }
    html! {
        <div class="chart-box">
            <canvas ref={canvas} width={WIDTH.to_string()} height={height.to_string()} class="chart"
                role="img" aria-label={props.title.clone()} data-testid={props.testid.clone()} />
        </div>
    }
}

fn draw(
    canvas: web_sys::HtmlCanvasElement,
    bars: &[Bar],
) -> Result<(), Box<dyn std::error::Error>> {
    // Draw at the box's CSS width so that text stays crisp and sized like the page's.
    let width = canvas
        .parent_element()
        .map(|p| p.client_width())
        .filter(|&w| w > 0)
        .map_or(WIDTH, |w| w as u32);
    canvas.set_width(width);
    // Measure text on the canvas itself: plotters' own estimate forces a page layout per call.
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "no 2d context")?;
    context.set_font(&format!("{FONT_SIZE}px {FONT_FAMILY}"));
    let measure = |text: &str| {
        context
            .measure_text(text)
            .map(|m| m.width() as u32)
            .unwrap_or(0)
    };
    let full: Vec<String> = bars.iter().map(|b| clip(&b.label, 28)).collect();
    let widest_label = full.iter().map(|l| measure(l)).max().unwrap_or(0);
    let label_width = (widest_label + 12).min(width * 2 / 5);
    let labels: Vec<String> = full
        .iter()
        .map(|label| {
            let mut chars = label.chars().count();
            let mut shown = label.clone();
            while measure(&shown) + 12 > label_width && chars > 2 {
                chars -= 1;
                shown = clip(label, chars);
            }
            shown
        })
        .collect();
    let text_width = bars.iter().map(|b| measure(&b.text)).max().unwrap_or(0) + 12;
    let bar_space = f64::from(width.saturating_sub(label_width + text_width).max(40));
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas")?;
    let area = backend.into_drawing_area();
    area.fill(&WHITE)?;
    let font = (FONT_FAMILY, FONT_SIZE).into_font().color(&BLACK);
    let largest = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let scale = if largest > 0.0 { largest } else { 1.0 };
    for (i, (bar, label)) in bars.iter().zip(&labels).enumerate() {
        let top = 8 + ROW as i32 * i as i32;
        let length = (bar.value.max(0.0) / scale * bar_space) as i32;
        let color = PALETTE[i % PALETTE.len()];
        area.draw(&Text::new(label.clone(), (4, top + 7), font.clone()))?;
        let left = label_width as i32;
        area.draw(&Rectangle::new(
            [
                (left, top + 2),
                (left + length.max(1), top + ROW as i32 - 6),
            ],
            color.filled(),
        ))?;
        area.draw(&Text::new(
            bar.text.clone(),
            (left + length + 6, top + 7),
            font.clone(),
        ))?;
    }
    area.present()?;
    Ok(())
}

fn clip(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        text.chars().take(chars - 1).chain(['…']).collect()
    }
}
