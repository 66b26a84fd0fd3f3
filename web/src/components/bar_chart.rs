use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
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
        <canvas ref={canvas} width={WIDTH.to_string()} height={height.to_string()} class="chart"
            role="img" aria-label={props.title.clone()} data-testid={props.testid.clone()} />
    }
}

fn draw(
    canvas: web_sys::HtmlCanvasElement,
    bars: &[Bar],
) -> Result<(), Box<dyn std::error::Error>> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas")?;
    let area = backend.into_drawing_area();
    area.fill(&WHITE)?;
    let largest = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let scale = if largest > 0.0 { largest } else { 1.0 };
    let (label_width, text_width) = (190, 150);
    let bar_space = f64::from(WIDTH - label_width - text_width);
    let font = ("sans-serif", 14).into_font();
    for (i, bar) in bars.iter().enumerate() {
        let top = 8 + ROW as i32 * i as i32;
        let length = (bar.value.max(0.0) / scale * bar_space) as i32;
        let color = PALETTE[i % PALETTE.len()];
        area.draw(&Text::new(
            clip(&bar.label, 26),
            (4, top + 6),
            font.clone().color(&BLACK),
        ))?;
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
            (left + length + 6, top + 6),
            font.clone().color(&BLACK),
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
