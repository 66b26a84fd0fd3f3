//! Drawing the fee-vs-nines frontier with plotters on a canvas: monthly fee across, nines up,
//! the frontier's designs joined, the cheapest that meets the target ringed, the design as
//! written marked, the target as a dashed line; at the device's pixel ratio in the page's
//! colours (as `chart.rs`).

use crate::chart::{css_color, CanvasFrame};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

const FONT: &str = "system-ui, sans-serif";
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 18.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 40.0;

/// One design on the chart: its monthly fee and nines.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    /// Monthly fee.
    pub fee: f64,
    /// Nines (−log10 of the unavailability).
    pub nines: f64,
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Frontier {
    /// The frontier, cheapest first.
    pub points: Vec<Spot>,
    /// The design as written.
    pub current: Spot,
    /// The index in `points` of the cheapest design that meets the target.
    pub cheapest: Option<usize>,
    /// The target's nines.
    pub target: f64,
    /// The currency, for the axis title.
    pub currency: String,
}

/// Both ends of the values, widened a little (and to a unit when they are equal).
fn span(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
        (l.min(v), h.max(v))
    });
    let pad = ((high - low) * 0.06).max(if high > low { 0.0 } else { 0.5 });
    (low - pad, high + pad)
}

/// Where values go on the canvas (device pixels).
struct Frame {
    width: f64,
    ratio: f64,
    x: (f64, f64),
    y: (f64, f64),
}

impl Frame {
    fn px(&self, v: f64) -> i32 {
        (v * self.ratio).round() as i32
    }

    fn at(&self, fee: f64, nines: f64) -> (i32, i32) {
        let x = LEFT + (fee - self.x.0) / (self.x.1 - self.x.0) * (self.width - LEFT - RIGHT);
        let y = TOP + (self.y.1 - nines) / (self.y.1 - self.y.0) * (HEIGHT - TOP - BOTTOM);
        (self.px(x), self.px(y))
    }
}

/// The page's colours: ink, muted, background, frontier, as written, cheapest.
struct Colors {
    ink: RGBColor,
    muted: RGBColor,
    background: RGBColor,
    line: RGBColor,
    mark: RGBColor,
    best: RGBColor,
}

impl Colors {
    fn of(style: &web_sys::CssStyleDeclaration) -> Self {
        let color = |name: &str, fallback: RGBColor| css_color(style, name, fallback);
        Self {
            ink: color("--ink", BLACK),
            muted: color("--muted", RGBColor(91, 102, 119)),
            background: color("--panel", WHITE),
            line: color("--c1", BLUE),
            mark: color("--c4", RED),
            best: color("--c3", GREEN),
        }
    }
}

type Area = DrawingArea<CanvasBackend, plotters::coord::Shift>;
type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Draws `frontier` on `canvas` (its parent's width, [`HEIGHT`] CSS pixels); records where the
/// design as written was marked in `data-current` (device pixels) for the end-to-end test.
///
/// # Errors
/// When the canvas or its 2D context is not available.
pub fn draw(canvas: &web_sys::HtmlCanvasElement, frontier: &Frontier) -> Drawn {
    let CanvasFrame {
        ratio,
        width,
        style,
    } = CanvasFrame::of(canvas)?;
    let colors = Colors::of(&style);
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((HEIGHT * ratio) as u32);
    let css = canvas.style();
    css.set_property("width", &format!("{width}px"))
        .map_err(|_| "style")?;
    css.set_property("height", &format!("{HEIGHT}px"))
        .map_err(|_| "style")?;
    let everything = || frontier.points.iter().chain([&frontier.current]);
    let frame = Frame {
        width,
        ratio,
        x: span(everything().map(|s| s.fee)),
        y: span(everything().map(|s| s.nines).chain([frontier.target])),
    };
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no canvas")?;
    let area = backend.into_drawing_area();
    area.fill(&colors.background)?;
    grid(&area, &frame, &colors, &frontier.currency)?;
    target(&area, &frame, &colors, frontier.target)?;
    let current = series(&area, &frame, &colors, frontier)?;
    area.present()?;
    let attribute =
        |name: &str, value: String| canvas.set_attribute(name, &value).map_err(|_| "attribute");
    attribute("data-current", format!("{},{}", current.0, current.1))?;
    attribute("data-points", frontier.points.len().to_string())?;
    Ok(())
}

/// Gridlines with their fees and nines, and what the axes are.
fn grid(area: &Area, frame: &Frame, colors: &Colors, currency: &str) -> Drawn {
    let small = (FONT, 11.0 * frame.ratio).into_font().color(&colors.muted);
    let px = |v| frame.px(v);
    for i in 0..=4 {
        let share = f64::from(i) / 4.0;
        let fee = frame.x.0 + (frame.x.1 - frame.x.0) * share;
        let nines = frame.y.0 + (frame.y.1 - frame.y.0) * share;
        let (x, y) = (frame.at(fee, frame.y.0).0, frame.at(frame.x.0, nines).1);
        let faint = colors.muted.mix(0.25);
        area.draw(&PathElement::new(
            vec![(x, px(TOP)), (x, px(HEIGHT - BOTTOM))],
            faint,
        ))?;
        area.draw(&PathElement::new(
            vec![(px(LEFT), y), (px(frame.width - RIGHT), y)],
            faint,
        ))?;
        let below = (x - px(14.0), px(HEIGHT - BOTTOM + 4.0));
        area.draw(&Text::new(format!("{fee:.0}"), below, small.clone()))?;
        area.draw(&Text::new(
            format!("{nines:.2}"),
            (px(6.0), y - px(6.0)),
            small.clone(),
        ))?;
    }
    let across = format!("monthly fee ({currency}/month) →");
    area.draw(&Text::new(
        across,
        (px(LEFT), px(HEIGHT - 18.0)),
        small.clone(),
    ))?;
    area.draw(&Text::new(
        "↑ nines (−log10 unavailability)",
        (px(6.0), px(4.0)),
        small,
    ))?;
    Ok(())
}

/// The target as a dashed line.
fn target(area: &Area, frame: &Frame, colors: &Colors, nines: f64) -> Drawn {
    let y = frame.at(frame.x.0, nines).1;
    let end = frame.width - RIGHT;
    let mut x = LEFT;
    while x < end {
        let dash = vec![(frame.px(x), y), (frame.px((x + 6.0).min(end)), y)];
        area.draw(&PathElement::new(dash, colors.ink.mix(0.7)))?;
        x += 10.0;
    }
    let font = (FONT, 12.0 * frame.ratio).into_font().color(&colors.ink);
    area.draw(&Text::new(
        "target",
        (frame.px(end - 44.0), y - frame.px(15.0)),
        font,
    ))?;
    Ok(())
}

/// The frontier joined, the cheapest ringed, the design as written marked; where it was.
fn series(
    area: &Area,
    frame: &Frame,
    colors: &Colors,
    frontier: &Frontier,
) -> Result<(i32, i32), Box<dyn std::error::Error>> {
    let px = |v| frame.px(v);
    let spots: Vec<(i32, i32)> = frontier
        .points
        .iter()
        .map(|s| frame.at(s.fee, s.nines))
        .collect();
    let stroke = |color: RGBColor, w: f64| color.stroke_width(px(w).max(1) as u32);
    area.draw(&PathElement::new(spots.clone(), stroke(colors.line, 2.0)))?;
    for (i, &spot) in spots.iter().enumerate() {
        area.draw(&Circle::new(spot, px(3.5), colors.line.filled()))?;
        if Some(i) == frontier.cheapest {
            area.draw(&Circle::new(spot, px(8.0), stroke(colors.best, 2.5)))?;
        }
    }
    let current = frame.at(frontier.current.fee, frontier.current.nines);
    area.draw(&Circle::new(current, px(6.0), colors.mark.filled()))?;
    let font = (FONT, 12.0 * frame.ratio).into_font().color(&colors.ink);
    area.draw(&Text::new(
        "as written",
        (current.0 + px(9.0), current.1 + px(2.0)),
        font,
    ))?;
    Ok(current)
}
