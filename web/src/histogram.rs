//! Drawing the monthly downtime histogram with plotters on a canvas: months with downtime by
//! bin (the report's bins, the last bar the months beyond them), with lines at marked downtimes
//! (P90, P99, what the target allows), at the device pixel ratio, in the page's colours.

use crate::chart::css_color;
use crate::risk::duration;
use nines_core::report::Histogram;
use plotters::coord::Shift;
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
    let area = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("no canvas")?
        .into_drawing_area();
    area.fill(&background)?;
    let mut counts = histogram.counts.clone();
    counts.push(histogram.beyond);
    let plot_w = (width - LEFT - 8.0).max(40.0);
    let plot = Plot {
        area,
        ratio,
        width,
        plot_w,
        slot: plot_w / counts.len() as f64,
        base: HEIGHT - BOTTOM,
    };
    plot.bars(&counts, bar, muted)?;
    let small = (FONT, (FONT_SIZE - 1.0) * ratio).into_font().color(&muted);
    plot.axes(histogram, &counts, muted, &small)?;
    let font = (FONT, FONT_SIZE * ratio).into_font().color(&ink);
    plot.marks(marks, histogram.bin_seconds, mark, &font)?;
    plot.area.present()?;
    Ok(())
}

/// Where things go on the canvas, in CSS pixels.
struct Plot {
    area: DrawingArea<CanvasBackend, Shift>,
    ratio: f64,
    width: f64,
    /// Width of the bars' area, and of one bar's slot.
    plot_w: f64,
    slot: f64,
    /// The y of the horizontal axis.
    base: f64,
}

type Drawn = Result<(), Box<dyn std::error::Error>>;

impl Plot {
    /// CSS pixels to device pixels.
    fn px(&self, v: f64) -> i32 {
        (v * self.ratio).round() as i32
    }

    fn text_width(&self, text: &str, style: &TextStyle) -> f64 {
        self.area
            .estimate_text_size(text, style)
            .map_or(0.0, |(w, _)| f64::from(w) / self.ratio)
    }

    /// One bar per count, the last (months beyond the bins) in `last`.
    fn bars(&self, counts: &[u64], color: RGBColor, last: RGBColor) -> Drawn {
        let largest = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
        let height = self.base - TOP;
        for (i, &count) in counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let left = LEFT + self.slot * i as f64;
            let top = self.base - (count as f64 / largest * height).max(1.0);
            let fill = if i + 1 == counts.len() { last } else { color };
            let corners = [
                (self.px(left + 1.0), self.px(top)),
                (self.px(left + self.slot - 1.0), self.px(self.base)),
            ];
            self.area.draw(&Rectangle::new(corners, fill.filled()))?;
        }
        Ok(())
    }

    /// The axes, the largest count, and downtime ticks far enough apart for their labels.
    fn axes(
        &self,
        histogram: &Histogram,
        counts: &[u64],
        color: RGBColor,
        small: &TextStyle,
    ) -> Drawn {
        let (left, base) = (self.px(LEFT), self.px(self.base));
        let axis = vec![
            (left, self.px(TOP)),
            (left, base),
            (self.px(LEFT + self.plot_w), base),
        ];
        self.area.draw(&PathElement::new(axis, color))?;
        let largest = counts.iter().copied().max().unwrap_or(0).max(1);
        let at = (self.px(4.0), self.px(TOP - 16.0));
        self.area
            .draw(&Text::new(format!("{largest} months"), at, small.clone()))?;
        let bins = histogram.counts.len();
        let ticks = ((self.plot_w / 110.0) as usize).clamp(1, 4);
        for tick in (0..=bins).step_by(bins.div_ceil(ticks).max(1)) {
            let text = duration(tick as f64 * histogram.bin_seconds);
            let right = self.width - self.text_width(&text, small) - 2.0;
            let x = (LEFT + self.slot * tick as f64 - 8.0).min(right);
            let at = (self.px(x), self.px(self.base + 5.0));
            self.area.draw(&Text::new(text, at, small.clone()))?;
        }
        Ok(())
    }

    /// A line per mark, its label on the first of three rows where it overlaps no other.
    fn marks(&self, marks: &[Mark], bin_seconds: f64, color: RGBColor, font: &TextStyle) -> Drawn {
        let mut ends = [f64::NEG_INFINITY; 3];
        for m in marks {
            let x = (LEFT + m.seconds / bin_seconds.max(f64::MIN_POSITIVE) * self.slot)
                .min(LEFT + self.plot_w);
            let line = vec![(self.px(x), self.px(TOP)), (self.px(x), self.px(self.base))];
            let stroke = color.stroke_width(self.ratio as u32);
            self.area.draw(&PathElement::new(line, stroke))?;
            let w = self.text_width(&m.label, font);
            let left = (x + 3.0).min(self.width - w - 2.0);
            let row = ends.iter().position(|&end| left > end + 4.0).unwrap_or(2);
            ends[row] = left + w;
            let at = (self.px(left), self.px(TOP + 2.0 + 14.0 * row as f64));
            self.area
                .draw(&Text::new(m.label.clone(), at, font.clone()))?;
        }
        Ok(())
    }
}
