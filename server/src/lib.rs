//! assay: a security reviewer for AI-assisted Python and Rust code.
//!
//! `engine` analyses text; `project` finds files and configuration; `report` renders findings;
//! `cli` wires them into commands. See ARCHITECTURE.md for the map and the invariants.

pub mod engine;
pub mod cli;
pub mod project;
pub mod report;
pub mod lsp;
