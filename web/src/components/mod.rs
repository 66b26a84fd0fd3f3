//! One component per file.

pub mod app;
mod architecture_editor;
mod bar_chart;
mod calculator;
mod catalog_picker;
mod caveats;
mod compare;
mod component_form;
mod contract_view;
mod downtime_table;
mod field;
mod group_form;
mod node_editor;
mod node_row;
mod problem_list;
mod results;
mod scenario_panel;
mod sla_details;
mod summary_bar;
mod toolbar;
