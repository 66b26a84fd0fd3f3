//! Drawing a bar chart with plotters on a canvas: at the device's pixel ratio, in the page's
//! colours (CSS variables, so dark mode applies), labels wrapped between words, money on a log
//! scale.

use crate::components::bar_chart::{Bar, Scale};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

const FONT: &str = "system-ui, sans-serif";
const FONT_SIZE: f64 = 13.0;
const LINE: f64 = 16.0;
const PAD: f64 = 8.0;

/// `label` in lines of at most `width` CSS pixels, two at most (the second ends in "…" at a
/// word boundary when the label is longer).
fn wrap(label: &str, width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_whitespace() {
        let Some(line) = lines.last_mut() else { break };
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) <= width || line.is_empty() {
            *line = candidate;
        } else {
            lines.push(word.to_string());
        }
    }
    if lines.len() > 2 {
        lines.truncate(2);
        let second = &mut lines[1];
        while measure(&format!("{second} …")) > width && second.contains(' ') {
            if let Some(at) = second.rfind(' ') {
                second.truncate(at);
            }
        }
        second.push_str(" …");
    }
    lines
}

/// A CSS colour variable of the page (`#rrggbb`) as a plotters colour.
pub fn css_color(style: &web_sys::CssStyleDeclaration, name: &str, fallback: RGBColor) -> RGBColor {
    let value = style.get_property_value(name).unwrap_or_default();
    let hex = value.trim().trim_start_matches('#');
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    match (hex.len(), channel(0), channel(2), channel(4)) {
        (6, Some(r), Some(g), Some(b)) => RGBColor(r, g, b),
        _ => fallback,
    }
}

/// What a chart is drawn for: the device pixel ratio, the width of the canvas's parent (CSS
/// pixels) and the canvas's computed style (the theme's colours).
pub struct CanvasFrame {
    /// Device pixels per CSS pixel, at least 1.
    pub ratio: f64,
    /// CSS pixels.
    pub width: f64,
    /// The canvas's computed style.
    pub style: web_sys::CssStyleDeclaration,
}

impl CanvasFrame {
    /// The frame of `canvas`.
    ///
    /// # Errors
    /// When there is no window or no computed style.
    pub fn of(canvas: &web_sys::HtmlCanvasElement) -> Result<Self, &'static str> {
        let window = web_sys::window().ok_or("no window")?;
        let width = canvas
            .parent_element()
            .map(|p| f64::from(p.client_width()))
            .filter(|w| *w > 0.0)
            .unwrap_or(640.0);
        let style = window
            .get_computed_style(canvas)
            .ok()
            .flatten()
            .ok_or("no style")?;
        Ok(Self {
            ratio: window.device_pixel_ratio().max(1.0),
            width,
            style,
        })
    }
}

/// Draws `bars` on `canvas` (sized to its box at the device pixel ratio).
///
/// # Errors
/// When the canvas or its 2D context is not available.
pub fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    bars: &[Bar],
    scale: Scale,
) -> Result<(), Box<dyn std::error::Error>> {
    let CanvasFrame {
        ratio,
        width,
        style,
    } = CanvasFrame::of(canvas)?;
    let ink = css_color(&style, "--ink", BLACK);
    let muted = css_color(&style, "--muted", RGBColor(91, 102, 119));
    let background = css_color(&style, "--panel", WHITE);
    let palette: Vec<RGBColor> = ["--c1", "--c2", "--c3", "--c4"]
        .iter()
        .map(|v| css_color(&style, v, RGBColor(37, 99, 235)))
        .collect();
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "no 2d context")?;
    context.set_font(&format!("{FONT_SIZE}px {FONT}"));
    let measure = |text: &str| context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
    let text_width = bars.iter().map(|b| measure(&b.text)).fold(0.0, f64::max) + 2.0 * PAD;
    let label_width = (width * 0.4).min(240.0);
    let labels: Vec<Vec<String>> = bars
        .iter()
        .map(|b| wrap(&b.label, label_width - PAD, &measure))
        .collect();
    // The lines as drawn, for the end-to-end test (labels are never cut inside a word).
    let drawn: Vec<String> = labels.iter().map(|l| l.join("|")).collect();
    canvas
        .set_attribute("data-lines", &drawn.join(";"))
        .map_err(|_| "attribute")?;
    let row = if labels.iter().any(|l| l.len() > 1) {
        2.0 * LINE + 8.0
    } else {
        LINE + 12.0
    };
    let axis = if scale == Scale::Log { LINE } else { 0.0 };
    let height = row * bars.len().max(1) as f64 + 2.0 * PAD + axis;
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((height * ratio) as u32);
    let canvas_style = canvas.style();
    canvas_style
        .set_property("width", &format!("{width}px"))
        .map_err(|_| "style")?;
    canvas_style
        .set_property("height", &format!("{height}px"))
        .map_err(|_| "style")?;
    let px = |v: f64| (v * ratio).round() as i32;
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no canvas")?;
    let area = backend.into_drawing_area();
    area.fill(&background)?;
    // FontDesc::new with a named family: plotters' `From<&str>` lowercases the name, which
    // links Unicode's case tables (5 KB gzip) for nothing.
    let font_of =
        |size: f64| FontDesc::new(FontFamily::Name(FONT), size * ratio, FontStyle::Normal);
    let font = font_of(FONT_SIZE).color(&ink);
    let small = font_of(FONT_SIZE - 2.0).color(&muted);
    let space = (width - label_width - text_width).max(40.0);
    let largest = bars
        .iter()
        .map(|b| b.value)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let length = |v: f64| match scale {
        Scale::Linear => v.max(0.0) / largest * space,
        Scale::Log => libm::log10(1.0 + v.max(0.0)) / libm::log10(1.0 + largest) * space,
    };
    if scale == Scale::Log {
        let mut tick = 1.0;
        let mut last_label = f64::NEG_INFINITY;
        while tick <= largest * 1.0001 {
            let x = label_width + length(tick);
            let labelled = x - last_label >= 28.0;
            area.draw(&PathElement::new(
                vec![(px(x), px(PAD)), (px(x), px(height - axis))],
                muted.mix(0.3),
            ))?;
            let text = match tick {
                t if t >= 1e6 => format!("{}M", t / 1e6),
                t if t >= 1e3 => format!("{}k", t / 1e3),
                t => format!("{t}"),
            };
            if labelled {
                area.draw(&Text::new(
                    text,
                    (px(x - 6.0), px(height - axis + 2.0)),
                    small.clone(),
                ))?;
                last_label = x;
            }
            tick *= 10.0;
        }
    }
    for (i, (bar, lines)) in bars.iter().zip(&labels).enumerate() {
        let top = PAD + row * i as f64;
        for (l, line) in lines.iter().enumerate() {
            let y = top + (row - LINE * lines.len() as f64) / 2.0 + LINE * l as f64;
            area.draw(&Text::new(line.clone(), (px(4.0), px(y)), font.clone()))?;
        }
        let left = label_width;
        let end = left + length(bar.value).max(1.0);
        let color = palette[i % palette.len()];
        area.draw(&Rectangle::new(
            [(px(left), px(top + 4.0)), (px(end), px(top + row - 6.0))],
            color.filled(),
        ))?;
        area.draw(&Text::new(
            bar.text.clone(),
            (px(end + 6.0), px(top + (row - LINE) / 2.0)),
            font.clone(),
        ))?;
    }
    area.present()?;
    Ok(())
}
