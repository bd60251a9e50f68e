//! The parts of the shell. Each takes plain props and `Callback`s; none holds app state.

mod canvas;
mod device_panel;
mod fields;
mod services_panel;
pub(crate) mod palette;
mod toolbar;
mod command_form;
mod controls;
mod event_list;
mod packets;
mod tables;
mod terminal;
mod timeline;
mod header;
mod inspector;
mod side_panel;
mod share_dialog;
mod embed;
mod status_bar;
mod course_list;
mod exercise_panel;
mod predict_card;
mod story;

pub use canvas::{stp_badges, Canvas};
pub use palette::Palette;
pub use toolbar::{Toolbar, ZoomControls};
pub use command_form::CommandForm;
pub use controls::{controls_of, use_play_clock, use_reduced_motion, use_run_driver};
pub use event_list::EventList;
#[cfg(feature = "bench")]
pub use packets::Sprite;
pub use packets::{sprites, Packets};
pub use tables::Tables;
pub use terminal::Terminal;
pub use timeline::Timeline;
pub use header::{Header, LanguagePicker};
pub use inspector::Inspector as InspectorPanel;
pub use side_panel::SidePanel;
pub use share_dialog::{boot as share_boot, LinkError, LinkPrompt, ShareButton};
pub use embed::{presenter_class, presenter_style, sentence, use_present_keys, EmbedShell, Narration};
pub use status_bar::StatusBar;
pub use course_list::CourseList;
pub use exercise_panel::ExercisePanel;
pub use predict_card::{PredictCard, PredictToggle};
pub use story::{narrate_in, use_story_index, StoryPanel};
