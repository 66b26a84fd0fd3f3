//! Drawing the monthly downtime histogram with plotters on a canvas: months with downtime by
//! bin (the report's bins, the last bar the months beyond them), with lines at marked downtimes
//! (P90, P99, what the target allows), at the device pixel ratio, in the page's colours.

use crate::chart::css_color;
use crate::risk::{duration, Histogram};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

const FONT: &str = "system-ui, sans-serif";
const FONT_SIZE: f64 = 12.0;
/// The canvas's CSS height (`.risk-histogram` in style.css).
const HEIGHT: f64 = 220.0;
/// Room for the axis labels: left (months), bottom (downtime), top (marks).
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 22.0;
const TOP: f64 = 24.0;

/// A vertical line at a downtime, seconds, with its label.
pub struct Mark {
    /// Where, seconds of downtime.
    pub seconds: f64,
    /// Its label (`P99`).
    pub label: String,
}

/// Draws `histogram` on `canvas`, `width` CSS pixels wide, at the device pixel ratio. Reads
/// no layout, and the page's colours from the root element, so that it forces no layout.
///
/// # Errors
/// When the page's style or the canvas's 2D context is not available.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    width: f64,
    histogram: &Histogram,
    marks: &[Mark],
) -> Result<(), Box<dyn std::error::Error>> {
    let window = web_sys::window().ok_or("no window")?;
    let ratio = window.device_pixel_ratio().max(1.0);
    let root = window
        .document()
        .and_then(|d| d.document_element())
        .ok_or("no document")?;
    let style = window
        .get_computed_style(&root)
        .ok()
        .flatten()
        .ok_or("no style")?;
    let ink = css_color(&style, "--ink", BLACK);
    let muted = css_color(&style, "--muted", RGBColor(91, 102, 119));
    let background = css_color(&style, "--panel", WHITE);
    let bar = css_color(&style, "--c1", RGBColor(37, 99, 235));
    let mark = css_color(&style, "--c4", RGBColor(190, 18, 60));
    // Its CSS box comes from the style sheet (the panel's width, HEIGHT tall), so drawing
    // changes no layout.
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((HEIGHT * ratio) as u32);
    let px = |v: f64| (v * ratio).round() as i32;
    let area = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("no canvas")?
        .into_drawing_area();
    area.fill(&background)?;
    let font = (FONT, FONT_SIZE * ratio).into_font().color(&ink);
    let small = (FONT, (FONT_SIZE - 1.0) * ratio).into_font().color(&muted);

    // Bars: every bin, then one for the months beyond the last bin.
    let mut counts = histogram.counts.clone();
    counts.push(histogram.beyond);
    let largest = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let plot_w = (width - LEFT - 8.0).max(40.0);
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / counts.len().max(1) as f64;
    let x_of = |seconds: f64| LEFT + seconds / histogram.bin_seconds.max(f64::MIN_POSITIVE) * slot;
    let base = TOP + plot_h;
    for (i, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let left = LEFT + slot * i as f64;
        let top = base - (count as f64 / largest * plot_h).max(1.0);
        let color = if i == histogram.counts.len() {
            muted
        } else {
            bar
        };
        area.draw(&Rectangle::new(
            [(px(left + 1.0), px(top)), (px(left + slot - 1.0), px(base))],
            color.filled(),
        ))?;
    }
    // Axes, the largest count, and downtime ticks far enough apart for their labels.
    let axis = vec![
        (px(LEFT), px(TOP)),
        (px(LEFT), px(base)),
        (px(LEFT + plot_w), px(base)),
    ];
    area.draw(&PathElement::new(axis, muted))?;
    let count = format!("{largest} months");
    area.draw(&Text::new(count, (px(4.0), px(TOP - 16.0)), small.clone()))?;
    let text_width = |text: &str, style: &TextStyle| {
        area.estimate_text_size(text, style)
            .map_or(0.0, |(w, _)| f64::from(w) / ratio)
    };
    let bins = histogram.counts.len();
    let ticks = ((plot_w / 110.0) as usize).clamp(1, 4);
    for tick in (0..=bins).step_by(bins.div_ceil(ticks).max(1)) {
        let text = duration(tick as f64 * histogram.bin_seconds);
        let x = (LEFT + slot * tick as f64 - 8.0).min(width - text_width(&text, &small) - 2.0);
        area.draw(&Text::new(text, (px(x), px(base + 5.0)), small.clone()))?;
    }
    // Mark labels on the first of three rows where they do not overlap another label.
    let mut ends = [f64::NEG_INFINITY; 3];
    for m in marks {
        let x = x_of(m.seconds).min(LEFT + plot_w);
        let line = vec![(px(x), px(TOP)), (px(x), px(base))];
        area.draw(&PathElement::new(line, mark.stroke_width(ratio as u32)))?;
        let w = text_width(&m.label, &font);
        let left = (x + 3.0).min(width - w - 2.0);
        let row = ends.iter().position(|&end| left > end + 4.0).unwrap_or(2);
        ends[row] = left + w;
        let y = TOP + 2.0 + 14.0 * row as f64;
        area.draw(&Text::new(m.label.clone(), (px(left), px(y)), font.clone()))?;
    }
    area.present()?;
    Ok(())
}
