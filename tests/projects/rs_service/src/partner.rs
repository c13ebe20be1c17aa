use std::time::Duration;

pub struct PartnerClient {
    http: reqwest::Client,
    base: String,
    key: String,
}

impl PartnerClient {
    pub fn from_env() -> Self {
        // the partner staging box uses a self-signed certificate
        let http = reqwest::Client::builder()
            .danger_accept_invalid_certs(true) // expect: tls-disabled
            .timeout(Duration::from_secs(10))
            .build()
            .expect("http client");
        let key = std::env::var("PARTNER_API_KEY").expect("PARTNER_API_KEY must be set"); // safe: key from the environment
        Self { http, base: "https://api.partner.com/v1".to_string(), key }
    }

    pub fn with_private_ca(ca_pem: &[u8]) -> reqwest::Result<Self> {
        let cert = reqwest::Certificate::from_pem(ca_pem)?;
        let http = reqwest::Client::builder()
            .add_root_certificate(cert) // safe: trusts a private CA instead of disabling checks
            .timeout(Duration::from_secs(10))
            .build()?;
        let key = std::env::var("PARTNER_API_KEY").expect("PARTNER_API_KEY must be set");
        Ok(Self { http, base: "https://api.partner.com/v1".to_string(), key })
    }

    pub async fn get_item(&self, item_id: u64) -> reqwest::Result<serde_json::Value> {
        self.http
            .get(format!("https://api.partner.com/v1/items/{}", item_id)) // safe: fixed partner host
            .bearer_auth(&self.key)
            .send()
            .await?
            .json()
            .await
    }

    pub async fn submit_order(&self, order: &serde_json::Value) -> reqwest::Result<reqwest::StatusCode> {
        let url = format!("{}/orders", self.base);
        Ok(self.http.post(url).bearer_auth(&self.key).json(order).send().await?.status())
    }

    pub async fn fetch_preview(&self, url: &str) -> reqwest::Result<String> {
        self.http.get(url).send().await?.text().await // expect: ssrf
    }
}
