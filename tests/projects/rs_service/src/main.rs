mod auth;
mod crypto;
mod db;
mod handlers;
mod partner;
mod util;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::{HeaderValue, Method};
use axum::routing::{delete, get, post};
use axum::Router;
use axum_rate_limit::RateLimitLayer; // expect: hallucinated-import
use sqlx::PgPool;
use tokio::sync::broadcast;
use tower_http::cors::CorsLayer;
use tower_http::services::ServeDir;

static mut REQUEST_COUNT: u64 = 0; // expect: static-mut

pub struct AppState {
    pub pool: PgPool,
    pub jwt_secret: String,
    pub admin_key: String,
    pub webhook_secret: Vec<u8>,
    pub partner: partner::PartnerClient,
    pub vault: crypto::Vault,
    pub events: broadcast::Sender<String>,
}

pub fn bump_requests() {
    unsafe { REQUEST_COUNT += 1 } // expect: unsafe
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt::init();
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set"); // safe: startup configuration
    let pool = PgPool::connect(&database_url).await.expect("cannot connect to database");
    let (events, _) = broadcast::channel(64);
    let state = Arc::new(AppState {
        pool,
        jwt_secret: std::env::var("JWT_SECRET").expect("JWT_SECRET must be set"),
        admin_key: std::env::var("ADMIN_API_KEY").expect("ADMIN_API_KEY must be set"),
        webhook_secret: std::env::var("WEBHOOK_SECRET").expect("WEBHOOK_SECRET must be set").into_bytes(),
        partner: partner::PartnerClient::from_env(),
        vault: crypto::Vault::from_env(),
        events,
    });

    // the web client is served from a different origin in dev
    let public_cors = CorsLayer::very_permissive(); // expect: cors
    let admin_cors = CorsLayer::new()
        .allow_origin("https://admin.docvault.example".parse::<HeaderValue>().unwrap()) // safe: explicit origin, constant parse
        .allow_methods([Method::GET, Method::POST]);

    let api = Router::new()
        .route("/docs/:id", get(handlers::get_doc))
        .route("/docs/:name/raw", get(handlers::download))
        .route("/docs/:name/checked", get(handlers::download_checked))
        .route("/docs", post(handlers::upload))
        .route("/search", get(handlers::search))
        .route("/tools/run", post(handlers::run_tool))
        .route("/history", get(handlers::file_history))
        .route("/preview", get(handlers::link_preview))
        .route("/export.csv", get(handlers::export_csv))
        .route("/export.pdf", get(handlers::export_pdf))
        .route("/share/:id", post(handlers::share_link))
        .route("/frame", post(handlers::frame))
        .route("/webhooks/partner", post(handlers::webhook))
        .route("/sessions/:user", delete(handlers::logout_everywhere))
        .layer(public_cors);
    let admin = Router::new()
        .route("/stats", get(handlers::admin_stats))
        .layer(admin_cors);

    let app = Router::new()
        .nest("/api", api)
        .nest("/admin", admin)
        .nest_service("/static", ServeDir::new("static")) // safe: ServeDir handles traversal
        .layer(RateLimitLayer::per_second(20))
        .with_state(state);

    let addr: SocketAddr = "0.0.0.0:8080".parse().unwrap(); // safe: constant address parse
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
