use std::path::{Path as FsPath, PathBuf};
use std::process::Command;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;

use crate::{auth, db, AppState};

const UPLOAD_DIR: &str = "/srv/docvault/uploads";
const REPO_DIR: &str = "/srv/docvault/repo";

type Shared = State<Arc<AppState>>;

#[derive(Deserialize)]
pub struct SearchParams {
    pub q: String,
    pub sort: Option<String>,
}

#[derive(Deserialize)]
pub struct ToolRequest {
    pub tool: String,
    pub file: String,
}

#[derive(Deserialize)]
pub struct PreviewParams {
    pub url: String,
}

#[derive(Deserialize)]
pub struct HistoryParams {
    pub file: String,
}

pub async fn get_doc(State(st): Shared, Path(id): Path<String>) -> Result<Json<db::Doc>, StatusCode> {
    crate::bump_requests();
    let id: i64 = id.parse().unwrap(); // expect: unwrap
    let doc = db::doc_by_id(&st.pool, id).await.map_err(|_| StatusCode::NOT_FOUND)?;
    Ok(Json(doc))
}

pub async fn search(State(st): Shared, Query(params): Query<SearchParams>) -> Result<Json<Vec<db::Doc>>, StatusCode> {
    let sort = params.sort.as_deref().unwrap_or("created_at");
    let docs = db::search_docs(&st.pool, &params.q, sort)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(Json(docs))
}

pub async fn download(Path(name): Path<String>) -> Result<Vec<u8>, StatusCode> {
    let path = PathBuf::from(UPLOAD_DIR).join(&name); // expect: path-traversal
    tokio::fs::read(&path).await.map_err(|_| StatusCode::NOT_FOUND)
}

pub async fn download_checked(Path(name): Path<String>) -> Result<Vec<u8>, StatusCode> {
    let base = FsPath::new(UPLOAD_DIR).canonicalize().map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let candidate = base.join(&name).canonicalize().map_err(|_| StatusCode::NOT_FOUND)?; // safe: canonicalized, checked below
    if !candidate.starts_with(&base) {
        return Err(StatusCode::FORBIDDEN);
    }
    tokio::fs::read(&candidate).await.map_err(|_| StatusCode::NOT_FOUND)
}

pub async fn upload(mut form: Multipart) -> Result<StatusCode, StatusCode> {
    while let Some(field) = form.next_field().await.map_err(|_| StatusCode::BAD_REQUEST)? {
        let filename = field.file_name().unwrap_or("upload.bin").to_string();
        let data = field.bytes().await.map_err(|_| StatusCode::BAD_REQUEST)?;
        let dest = format!("{}/{}", UPLOAD_DIR, filename);
        tokio::fs::write(&dest, &data).await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?; // expect: path-traversal
        make_thumbnail(&dest).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    }
    Ok(StatusCode::CREATED)
}

fn make_thumbnail(src: &str) -> std::io::Result<()> {
    let dst = format!("{}.thumb.png", src);
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("convert '{}' -resize 200x200 '{}'", src, dst)) // expect: command-injection
        .status()?;
    if !status.success() {
        tracing::warn!("thumbnail failed for {}", src);
    }
    Ok(())
}

fn render_pdf_page(src: &FsPath, out_prefix: &FsPath) -> std::io::Result<std::process::ExitStatus> {
    Command::new("pdftoppm").args(["-png", "-r", "72", "-f", "1", "-l", "1"]).arg(src).arg(out_prefix).status() // safe: no shell, separate arguments
}

pub async fn run_tool(Json(req): Json<ToolRequest>) -> Result<String, StatusCode> {
    // expect: command-injection
    let out = Command::new(&req.tool)
        .arg(&req.file)
        .current_dir(UPLOAD_DIR)
        .output()
        .map_err(|_| StatusCode::BAD_REQUEST)?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub async fn file_history(Query(p): Query<HistoryParams>) -> Result<String, StatusCode> {
    let out = Command::new("git") // safe: fixed program, file passed after "--" as one argument
        .args(["log", "--oneline", "--"])
        .arg(&p.file)
        .current_dir(REPO_DIR)
        .output()
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub async fn link_preview(State(st): Shared, Query(p): Query<PreviewParams>) -> Result<String, StatusCode> {
    let head = reqwest::get(&p.url).await.map_err(|_| StatusCode::BAD_GATEWAY)?; // expect: ssrf
    if !head.status().is_success() {
        return Err(StatusCode::BAD_GATEWAY);
    }
    st.partner.fetch_preview(&p.url).await.map_err(|_| StatusCode::BAD_GATEWAY)
}

pub async fn export_csv(State(st): Shared) -> Result<Vec<u8>, StatusCode> {
    let docs = db::search_docs(&st.pool, "", "id").await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let csv: String = docs.iter().map(|d| format!("{},{}\n", d.id, d.title)).collect();
    let path = std::env::temp_dir().join("docvault-export.csv"); // expect: tempfile
    std::fs::write(&path, csv).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    std::fs::read(&path).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)
}

pub async fn export_pdf() -> Result<Vec<u8>, StatusCode> {
    let dir = tempfile::tempdir().map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?; // safe: tempfile crate
    let prefix = dir.path().join("page");
    render_pdf_page(FsPath::new("/srv/docvault/report.pdf"), &prefix).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    std::fs::read(dir.path().join("page-1.png")).map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)
}

pub async fn share_link(State(_st): Shared, Path(_id): Path<i64>) -> Result<String, StatusCode> {
    todo!("generate signed share links") // expect: placeholder
}

pub async fn frame(body: Bytes) -> Vec<u8> {
    let len = body.len() as u16; // expect: integer-cast
    let mut out = Vec::with_capacity(body.len() + 2);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&body);
    out
}

pub fn frame_checked(body: &[u8]) -> Result<Vec<u8>, StatusCode> {
    let len = u16::try_from(body.len()).map_err(|_| StatusCode::PAYLOAD_TOO_LARGE)?; // safe: checked conversion
    let mut out = len.to_be_bytes().to_vec();
    out.extend_from_slice(body);
    Ok(out)
}

pub async fn webhook(State(st): Shared, headers: HeaderMap, body: Bytes) -> StatusCode {
    let sig = headers.get("x-signature").unwrap().to_str().unwrap(); // expect: unwrap
    let _ = auth::verify_signature(&st.webhook_secret, &body, sig); // expect: ignored-result
    match serde_json::from_slice::<serde_json::Value>(&body) {
        Ok(event) => {
            let _ = st.events.send(event.to_string()); // safe: best-effort notification channel
            StatusCode::NO_CONTENT
        }
        Err(_) => StatusCode::BAD_REQUEST,
    }
}

pub async fn logout_everywhere(State(st): Shared, Path(user): Path<String>) -> StatusCode {
    match db::delete_sessions(&st.pool, &user).await {
        Ok(_) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub async fn admin_stats(State(st): Shared, headers: HeaderMap) -> Result<String, StatusCode> {
    let key = headers.get("x-admin-key").and_then(|v| v.to_str().ok()).unwrap_or("");
    if key != st.admin_key { // expect: timing-compare
        return Err(StatusCode::FORBIDDEN);
    }
    let n = db::doc_count(&st.pool).await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(format!("{{\"docs\": {}}}", n))
}

#[cfg(test)]
mod tests {
    #[test]
    fn share_links_roundtrip() {
        todo!() // safe: todo! inside #[cfg(test)]
    }
}
