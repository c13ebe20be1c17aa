//! `assay lsp`: the language server over stdio. It uses the same scan as `assay check`
//! (`engine::scan_source`), with incremental reparsing of each open document.

mod convert;
pub mod documents;
pub mod framing;
mod review;
mod server;

use tower_lsp_server::{LspService, Server};

pub use server::ClientSettings;

/// Serve on stdin/stdout until `exit` (or end of input). Returns the process exit code.
pub fn run() -> i32 {
    limit_malloc_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("assay lsp: cannot start the async runtime: {e}");
            return 2;
        }
    };
    runtime.block_on(async {
        let (service, socket) = LspService::build(server::Backend::new)
            .custom_method("window/workDoneProgress/cancel", server::Backend::cancel_progress)
            .finish();
        let (to_server, server_input) = tokio::io::duplex(1 << 20);
        let (server_output, from_server) = tokio::io::duplex(1 << 20);
        let (out_tx, out_rx) = tokio::sync::mpsc::unbounded_channel();
        let writer = tokio::spawn(framing::write_all(tokio::io::stdout(), out_rx));
        tokio::spawn(framing::pump_input(tokio::io::stdin(), to_server, out_tx.clone()));
        let output = tokio::spawn(framing::pump_output(from_server, out_tx));
        Server::new(server_input, server_output, socket).serve(service).await;
        // Let the last responses (to `shutdown`) reach the client before leaving. The writer
        // itself never ends on its own: the stdin reader holds a sender until stdin closes.
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), output).await;
        let _ = tokio::time::timeout(std::time::Duration::from_millis(200), writer).await;
    });
    // Reading stdin blocks a thread that only ends when the client closes the pipe; do not wait.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    0
}

/// glibc gives each thread that allocates its own arena (up to eight per core), and freed
/// memory stays in them: with analyses moving between threads, the server's resident memory
/// grows by tens of MiB that no document uses. One arena is plenty for a few threads that
/// mostly wait.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any other thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}
