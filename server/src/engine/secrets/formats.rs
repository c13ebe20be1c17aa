//! Provider secret formats, as data. Each format is found by a keyword prefilter (one
//! Aho-Corasick pass over the text for all formats), then its regex runs only on the lines where
//! one of its keywords occurs. Patterns are byte regexes with ASCII classes; group 1, when
//! present, is the secret itself (the rest is context such as a keyword or `AccountKey=`).
//!
//! `queries/SECRETS.md` is generated from this table (`ASSAY_UPDATE_DOCS=1 cargo test --test secrets`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::bytes::{Regex, RegexBuilder};

use super::filters;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Llm,
    Cloud,
    SourceHosting,
    Chat,
    Payments,
    Services,
    Structural,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Llm => "LLM and ML providers",
            Group::Cloud => "Cloud",
            Group::SourceHosting => "Source hosting and CI",
            Group::Chat => "Chat and webhooks",
            Group::Payments => "Payments",
            Group::Services => "Other services and registries",
            Group::Structural => "Structural",
        }
    }
}

/// Extra validation after the regex matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    None,
    /// GitHub's (and npm's) CRC32 of the random part, base62-encoded in the last 6 characters.
    Crc32Base62,
    /// The header segment must decode to JSON naming an `alg`.
    Jwt,
    /// `-----BEGIN … PRIVATE KEY-----` … `-----END …-----` with at least 64 base64 characters.
    PrivateKey,
    /// `scheme://user:password@host`: the password must be a literal, not a template.
    UrlPassword,
}

/// Which built-in rule reports the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Provider,
    PrivateKey,
    UrlPassword,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Rule::Provider => super::RULE_PROVIDER,
            Rule::PrivateKey => super::RULE_PRIVATE_KEY,
            Rule::UrlPassword => super::RULE_URL,
        }
    }
}

pub struct Format {
    pub id: &'static str,
    /// What a finding calls it: "Anthropic API key".
    pub name: &'static str,
    pub group: Group,
    /// Literal strings of which one occurs in (or near) every match; the prefilter.
    pub keywords: &'static [&'static str],
    /// Case-insensitive keywords (a provider's name near a key that has no prefix).
    pub keywords_nocase: &'static [&'static str],
    pub regex: &'static str,
    /// Fixed leading characters that are not secret, shown in the redacted form.
    pub show: usize,
    /// The secret's Shannon entropy (bits per character) must exceed this.
    pub min_entropy: f64,
    pub check: Check,
    pub rule: Rule,
    /// Reported as a warning rather than an error: test-mode keys, key ids, JWTs, checksum
    /// mismatches.
    pub warning: bool,
    /// Run the regex over the whole text (not only the keyword's line) when the keyword occurs.
    pub whole_text: bool,
    /// A template of a well-formed value (with any text it needs around it), expanded by the
    /// tests with random characters: `{{alnum:36}}`, `{{hex:32}}`, `{{b64:40}}`,
    /// `{{b64url:93}}`, `{{upper:4}}`, `{{lower:34}}`, `{{digits:10}}`, `{{b32:16}}`,
    /// `{{bech32:58}}`, `{{crc}}` (the checksum of the random run before it), `{{jwt}}`. Double
    /// braces keep the templates themselves from looking like secrets.
    pub sample: &'static str,
}

const fn f(id: &'static str, name: &'static str, group: Group, keywords: &'static [&'static str], regex: &'static str, show: usize, sample: &'static str) -> Format {
    Format {
        id,
        name,
        group,
        keywords,
        keywords_nocase: &[],
        regex,
        show,
        min_entropy: 3.0,
        check: Check::None,
        rule: Rule::Provider,
        warning: false,
        whole_text: false,
        sample,
    }
}

/// A format with no prefix of its own, found next to the provider's name: `COHERE_API_KEY=…`,
/// `cohere.Client("…")`.
const fn near(id: &'static str, name: &'static str, group: Group, names: &'static [&'static str], regex: &'static str, sample: &'static str) -> Format {
    Format {
        id,
        name,
        group,
        keywords: &[],
        keywords_nocase: names,
        regex,
        show: 0,
        min_entropy: 3.5,
        check: Check::None,
        rule: Rule::Provider,
        warning: false,
        whole_text: false,
        sample,
    }
}

impl Format {
    const fn warn(mut self) -> Self {
        self.warning = true;
        self
    }
    const fn check(mut self, check: Check) -> Self {
        self.check = check;
        self
    }
    const fn entropy(mut self, e: f64) -> Self {
        self.min_entropy = e;
        self
    }
    const fn rule(mut self, rule: Rule) -> Self {
        self.rule = rule;
        self
    }
    const fn whole(mut self) -> Self {
        self.whole_text = true;
        self
    }
}

use Group::*;

pub static FORMATS: &[Format] = &[
    // ---- LLM and ML providers -------------------------------------------------------------
    f("openai-project-key", "OpenAI API key", Llm, &["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-"],
        r"sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,250}", 3, "sk-proj-{{b64url:74}}T3BlbkFJ{{b64url:74}}"),
    f("openai-legacy-key", "OpenAI API key", Llm, &["T3BlbkFJ"],
        r"sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}", 3, "sk-{{alnum:20}}T3BlbkFJ{{alnum:20}}"),
    f("openai-style-key", "OpenAI-compatible API key (DeepSeek, Moonshot, legacy OpenAI)", Llm, &["sk-"],
        r"sk-[A-Za-z0-9]{32,64}", 3, "sk-{{alnum:48}}").entropy(3.5),
    f("anthropic-api-key", "Anthropic API key", Llm, &["sk-ant-"],
        r"sk-ant-[a-z]{2,6}[0-9]{2}-[A-Za-z0-9_-]{80,120}", 7, "sk-ant-api03-{{b64url:93}}AA"),
    f("huggingface-token", "Hugging Face access token", Llm, &["hf_"],
        r"hf_[A-Za-z0-9]{34,40}", 3, "hf_{{alnum:34}}"),
    f("huggingface-org-token", "Hugging Face organization token", Llm, &["api_org_"],
        r"api_org_[A-Za-z0-9]{34}", 8, "api_org_{{alnum:34}}"),
    f("google-api-key", "Google API key (Gemini, Maps, Firebase)", Llm, &["AIza"],
        r"AIza[0-9A-Za-z_-]{35}", 4, "AIza{{b64url:35}}").entropy(3.5),
    near("cohere-api-key", "Cohere API key", Llm, &["cohere", "co_api_key"],
        r"(?i:cohere|co_api_key)[^\n]{0,40}?[^A-Za-z0-9]([A-Za-z0-9]{40})(?:[^A-Za-z0-9]|$)", "COHERE_API_KEY = \"{{alnum:40}}\""),
    near("mistral-api-key", "Mistral API key", Llm, &["mistral"],
        r"(?i:mistral)[^\n]{0,40}?[^A-Za-z0-9]([A-Za-z0-9]{32})(?:[^A-Za-z0-9]|$)", "MISTRAL_API_KEY = \"{{alnum:32}}\""),
    f("groq-api-key", "Groq API key", Llm, &["gsk_"], r"gsk_[A-Za-z0-9]{52}", 4, "gsk_{{alnum:52}}"),
    f("replicate-api-token", "Replicate API token", Llm, &["r8_"], r"r8_[A-Za-z0-9]{37}", 3, "r8_{{alnum:37}}"),
    f("perplexity-api-key", "Perplexity API key", Llm, &["pplx-"], r"pplx-[A-Za-z0-9]{48}", 5, "pplx-{{alnum:48}}"),
    f("xai-api-key", "xAI (Grok) API key", Llm, &["xai-"], r"xai-[A-Za-z0-9]{80}", 4, "xai-{{alnum:80}}"),
    near("together-api-key", "Together AI API key", Llm, &["together"],
        r"(?i:together)[^\n]{0,40}?[^A-Za-z0-9]([a-f0-9]{64})(?:[^A-Za-z0-9]|$)", "TOGETHER_API_KEY = \"{{hex:64}}\"").entropy(3.0),
    f("together-v1-key", "Together AI API key", Llm, &["tgp_v1_"], r"tgp_v1_[A-Za-z0-9_-]{43}", 7, "tgp_v1_{{b64url:43}}"),
    f("fireworks-api-key", "Fireworks AI API key", Llm, &["fw_"], r"fw_[A-Za-z0-9]{24}", 3, "fw_{{alnum:24}}").entropy(3.5),
    f("openrouter-api-key", "OpenRouter API key", Llm, &["sk-or-v1-"], r"sk-or-v1-[a-f0-9]{64}", 9, "sk-or-v1-{{hex:64}}"),
    f("langsmith-api-key", "LangSmith API key", Llm, &["lsv2_"], r"lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", 8, "lsv2_pt_{{hex:32}}_{{hex:10}}"),
    f("bedrock-api-key", "Amazon Bedrock API key", Llm, &["ABSK"], r"ABSK[A-Za-z0-9+/]{109,269}={0,2}", 4, "ABSK{{b64:120}}"),
    f("pinecone-api-key", "Pinecone API key", Llm, &["pcsk_"], r"pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,80}", 5, "pcsk_{{alnum:5}}_{{alnum:63}}"),
    f("elevenlabs-api-key", "ElevenLabs API key", Llm, &["sk_"], r"sk_[a-f0-9]{48}", 3, "sk_{{hex:48}}"),
    near("wandb-api-key", "Weights & Biases API key", Llm, &["wandb"],
        r"(?i:wandb)[^\n]{0,40}?[^A-Za-z0-9]([a-f0-9]{40})(?:[^A-Za-z0-9]|$)", "WANDB_API_KEY = \"{{hex:40}}\"").entropy(3.0),
    near("azure-openai-key", "Azure OpenAI / AI services key", Llm, &["azure_openai", "azure-openai", "azureopenai", "cognitive"],
        r"(?i:azure[_-]?openai|cognitive)[^\n]{0,40}?[^A-Za-z0-9]([a-f0-9]{32}|[A-Za-z0-9]{84})(?:[^A-Za-z0-9]|$)", "AZURE_OPENAI_API_KEY = \"{{hex:32}}\"").entropy(3.0),
    // ---- Cloud ----------------------------------------------------------------------------
    f("aws-access-key-id", "AWS access key id", Cloud, &["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
        r"(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}", 4, "AKIA{{b32:16}}"),
    near("aws-secret-access-key", "AWS secret access key", Cloud, &["aws_secret", "secret_access_key", "secretaccesskey", "aws-secret"],
        r"(?i:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key|aws-secret-access-key)[^\n]{0,20}?[^A-Za-z0-9/+]([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)", "aws_secret_access_key = \"{{b64:40}}\"").entropy(4.0),
    f("gcp-oauth-token", "Google OAuth access token", Cloud, &["ya29."], r"ya29\.[0-9A-Za-z_-]{30,}", 5, "ya29.{{b64url:120}}"),
    f("azure-storage-key", "Azure storage account key", Cloud, &["AccountKey="], r"AccountKey=([A-Za-z0-9+/]{86}==)", 0,
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={{b64:86}}==;EndpointSuffix=core.windows.net"),
    f("azure-shared-access-key", "Azure Service Bus / Event Hubs shared access key", Cloud, &["SharedAccessKey="],
        r"SharedAccessKey=([A-Za-z0-9+/]{42,44}=?)", 0, "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey={{b64:43}}="),
    f("azure-ad-client-secret", "Azure AD client secret", Cloud, &["Q~"], r"[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}", 0, "{{alnum:3}}8Q~{{alnum:34}}"),
    f("digitalocean-token", "DigitalOcean token", Cloud, &["dop_v1_", "doo_v1_", "dor_v1_"], r"do[opr]_v1_[a-f0-9]{64}", 7, "dop_v1_{{hex:64}}"),
    f("heroku-api-key", "Heroku API key", Cloud, &["HRKU-"], r"HRKU-AA[0-9A-Za-z_-]{58}", 7, "HRKU-AA{{b64url:58}}"),
    f("alibaba-access-key-id", "Alibaba Cloud access key id", Cloud, &["LTAI"], r"LTAI[A-Za-z0-9]{20}", 4, "LTAI{{alnum:20}}").warn(),
    // ---- Source hosting and CI ------------------------------------------------------------
    f("github-pat", "GitHub personal access token", SourceHosting, &["ghp_"], r"ghp_[A-Za-z0-9]{36}", 4, "ghp_{{alnum:30}}{{crc}}").check(Check::Crc32Base62),
    f("github-oauth-token", "GitHub OAuth token", SourceHosting, &["gho_"], r"gho_[A-Za-z0-9]{36}", 4, "gho_{{alnum:30}}{{crc}}").check(Check::Crc32Base62),
    f("github-app-token", "GitHub App token", SourceHosting, &["ghu_", "ghs_"], r"gh[us]_[A-Za-z0-9]{36}", 4, "ghs_{{alnum:30}}{{crc}}").check(Check::Crc32Base62),
    f("github-refresh-token", "GitHub refresh token", SourceHosting, &["ghr_"], r"ghr_[A-Za-z0-9]{36}(?:[A-Za-z0-9]{40})?", 4, "ghr_{{alnum:30}}{{crc}}").check(Check::Crc32Base62),
    f("github-fine-grained-pat", "GitHub fine-grained personal access token", SourceHosting, &["github_pat_"],
        r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", 11, "github_pat_{{alnum:22}}_{{alnum:59}}"),
    f("gitlab-pat", "GitLab personal access token", SourceHosting, &["glpat-"], r"glpat-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{2}[0-9a-z]{7})?", 6, "glpat-{{b64url:20}}"),
    f("gitlab-token", "GitLab deploy, runner, trigger or feed token", SourceHosting,
        &["gldt-", "glrt-", "glptt-", "glcbt-", "glimt-", "glft-", "glsoat-", "glffct-", "glagent-", "gloas-"],
        r"gl(?:dt|rt|ptt|cbt|imt|ft|soat|ffct|agent|oas)-[A-Za-z0-9_-]{20,}", 5, "glrt-{{b64url:20}}"),
    f("gitlab-runner-registration-token", "GitLab runner registration token", SourceHosting, &["GR1348941"], r"GR1348941[A-Za-z0-9_-]{20}", 9, "GR1348941{{b64url:20}}"),
    f("bitbucket-app-password", "Bitbucket app password", SourceHosting, &["ATBB"], r"ATBB[A-Za-z0-9_=.-]{28,40}", 4, "ATBB{{alnum:32}}"),
    f("atlassian-api-token", "Atlassian API token", SourceHosting, &["ATATT3"], r"ATATT3[A-Za-z0-9_=-]{180,}", 6, "ATATT3{{b64url:186}}"),
    f("dockerhub-pat", "Docker Hub personal access token", SourceHosting, &["dckr_pat_"], r"dckr_pat_[A-Za-z0-9_-]{27}", 9, "dckr_pat_{{b64url:27}}"),
    // ---- Chat and webhooks ----------------------------------------------------------------
    f("slack-bot-token", "Slack bot token", Chat, &["xoxb-"], r"xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{20,40}", 5, "xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}"),
    f("slack-user-token", "Slack user token", Chat, &["xoxp-", "xoxe-"], r"xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34}", 5, "xoxp-{{digits:12}}-{{digits:12}}-{{digits:13}}-{{hex:32}}"),
    f("slack-app-token", "Slack app-level token", Chat, &["xapp-"], r"xapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]{32,}", 5, "xapp-1-A{{upper:10}}-{{digits:13}}-{{hex:64}}"),
    f("slack-legacy-token", "Slack legacy token", Chat, &["xoxo-", "xoxs-", "xoxa-", "xoxr-"], r"xox[osar]-[0-9]+-[0-9]+-[0-9]+-[a-fA-F0-9]{20,}", 5, "xoxs-{{digits:10}}-{{digits:10}}-{{digits:10}}-{{hex:64}}"),
    f("slack-webhook-url", "Slack webhook URL", Chat, &["hooks.slack.com"], r"hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/_-]{40,100})", 0,
        "https://hooks.slack.com/services/T{{upper:10}}/B{{upper:10}}/{{alnum:24}}"),
    f("discord-bot-token", "Discord bot token", Chat, &["discord", "Discord", "DISCORD"],
        r"[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}", 0, "DISCORD_TOKEN = \"M{{alnum:25}}.{{b64url:6}}.{{b64url:38}}\"").whole(),
    f("discord-webhook-url", "Discord webhook URL", Chat, &["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
        r"discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/([A-Za-z0-9_-]{60,68})", 0, "https://discord.com/api/webhooks/{{digits:18}}/{{b64url:68}}"),
    f("teams-webhook-url", "Microsoft Teams webhook URL", Chat, &["webhook.office.com"],
        r"[a-z0-9-]+\.webhook\.office\.com/webhookb2/([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}@[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})", 0,
        "https://acme.webhook.office.com/webhookb2/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}@{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}/IncomingWebhook/{{hex:32}}/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"),
    f("telegram-bot-token", "Telegram bot token", Chat, &[":AA"], r"[0-9]{8,10}:AA[A-Za-z0-9_-]{33}", 0, "{{digits:10}}:AA{{b64url:33}}"),
    // ---- Payments -------------------------------------------------------------------------
    f("stripe-secret-key", "Stripe live secret key", Payments, &["sk_live_"], r"sk_live_[A-Za-z0-9]{20,247}", 8, "sk_live_{{alnum:99}}"),
    f("stripe-restricted-key", "Stripe live restricted key", Payments, &["rk_live_"], r"rk_live_[A-Za-z0-9]{20,247}", 8, "rk_live_{{alnum:99}}"),
    f("stripe-test-key", "Stripe test-mode secret key", Payments, &["sk_test_", "rk_test_"], r"[sr]k_test_[A-Za-z0-9]{20,247}", 8, "sk_test_{{alnum:99}}").warn(),
    f("stripe-webhook-secret", "Stripe webhook signing secret", Payments, &["whsec_"], r"whsec_[A-Za-z0-9+/=]{32,}", 6, "whsec_{{alnum:32}}"),
    f("shopify-token", "Shopify access token", Payments, &["shpat_", "shpss_", "shpca_", "shppa_"], r"shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}", 6, "shpat_{{hex:32}}"),
    f("square-token", "Square access token", Payments, &["sq0atp-", "sq0csp-"], r"sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}", 7, "sq0atp-{{b64url:22}}"),
    f("braintree-token", "Braintree / PayPal access token", Payments, &["access_token$production$"],
        r"access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}", 24, "access_token$production${{lower:16}}${{hex:32}}"),
    // ---- Other services and registries ----------------------------------------------------
    f("twilio-api-key", "Twilio API key", Services, &["SK"], r"SK[0-9a-f]{32}", 2, "SK{{hex:32}}").entropy(3.2),
    near("twilio-auth-token", "Twilio auth token", Services, &["twilio"],
        r"(?i:twilio)[^\n]{0,40}?[^A-Za-z0-9]([a-f0-9]{32})(?:[^A-Za-z0-9]|$)", "TWILIO_AUTH_TOKEN = \"{{hex:32}}\"").entropy(3.0),
    f("sendgrid-api-key", "SendGrid API key", Services, &["SG."], r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}", 3, "SG.{{b64url:22}}.{{b64url:43}}"),
    f("mailgun-api-key", "Mailgun API key", Services, &["key-"], r"key-[a-f0-9]{32}", 4, "key-{{hex:32}}").entropy(3.2),
    f("mailchimp-api-key", "Mailchimp API key", Services, &["-us"], r"[a-f0-9]{32}-us[0-9]{1,2}", 0, "{{hex:32}}-us14").entropy(3.2),
    f("npm-token", "npm access token", Services, &["npm_"], r"npm_[A-Za-z0-9]{36}", 4, "npm_{{alnum:30}}{{crc}}").check(Check::Crc32Base62),
    f("pypi-token", "PyPI upload token", Services, &["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"],
        r"pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}", 5, "pypi-AgEIcHlwaS5vcmc{{b64url:70}}"),
    f("databricks-token", "Databricks access token", Services, &["dapi"], r"dapi[a-f0-9]{32}(?:-[0-9])?", 4, "dapi{{hex:32}}"),
    f("terraform-cloud-token", "Terraform Cloud / HCP token", Services, &["atlasv1"], r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}", 0, "{{alnum:14}}.atlasv1.{{b64url:67}}"),
    f("vault-token", "HashiCorp Vault token", Services, &["hvs.", "hvb."], r"hv[sb]\.[A-Za-z0-9_-]{90,}", 4, "hvs.{{b64url:95}}"),
    f("doppler-token", "Doppler token", Services, &["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."], r"dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}", 6, "dp.pt.{{alnum:43}}"),
    f("newrelic-api-key", "New Relic API key", Services, &["NRAK-"], r"NRAK-[A-Z0-9]{27}", 5, "NRAK-{{upper:27}}"),
    f("sentry-token", "Sentry auth token", Services, &["sntrys_", "sntryu_"], r"sntry[su]_[A-Za-z0-9+/=_-]{60,}", 7, "sntrys_{{b64url:80}}"),
    f("linear-api-key", "Linear API key", Services, &["lin_api_"], r"lin_api_[A-Za-z0-9]{40}", 8, "lin_api_{{alnum:40}}"),
    f("notion-token", "Notion integration token", Services, &["ntn_", "secret_"], r"(?:ntn_[A-Za-z0-9]{40,50}|secret_[A-Za-z0-9]{43})", 4, "ntn_{{alnum:46}}"),
    f("postman-api-key", "Postman API key", Services, &["PMAK-"], r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}", 5, "PMAK-{{hex:24}}-{{hex:34}}"),
    f("grafana-token", "Grafana service account token", Services, &["glsa_", "glc_"], r"(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})", 4, "glsa_{{alnum:32}}_{{hex:8}}"),
    f("age-secret-key", "age secret key", Services, &["AGE-SECRET-KEY-1"], r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", 15, "AGE-SECRET-KEY-1{{bech32:58}}"),
    f("flyio-token", "Fly.io token", Services, &["fo1_"], r"fo1_[A-Za-z0-9_-]{43}", 4, "fo1_{{b64url:43}}"),
    f("supabase-token", "Supabase access token", Services, &["sbp_"], r"sbp_[a-f0-9]{40}", 4, "sbp_{{hex:40}}"),
    f("figma-token", "Figma personal access token", Services, &["figd_"], r"figd_[A-Za-z0-9_-]{40}", 5, "figd_{{b64url:40}}"),
    f("meta-access-token", "Meta (Facebook) access token", Services, &["EAA"], r"EAA[A-Za-z0-9]{100,}", 3, "EAAB{{alnum:180}}").entropy(3.5),
    // ---- Structural -----------------------------------------------------------------------
    f("private-key", "private key", Structural, &["-----BEGIN"], "", 0, "").check(Check::PrivateKey).rule(Rule::PrivateKey),
    f("jwt", "JSON Web Token", Structural, &["eyJ"], r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", 0, "{{jwt}}")
        .check(Check::Jwt).warn(),
    f("url-password", "URL with an inline password", Structural, &["://"],
        r"(?i)([a-z][a-z0-9+.-]{1,30})://([^\s:/?#@'`<>{}]{0,128}):([^\s/?#@'`<>]{1,256})@[A-Za-z0-9._\[\]-]+", 0,
        "postgresql://app:{{alnum:20}}@db.internal:5432/app").check(Check::UrlPassword).rule(Rule::UrlPassword),
    f("curl-user-password", "password on a curl command line", Structural, &["curl"],
        r"(curl)\b[^\n]*?\s(?:-u|--user)[ =]['\x22]?([^:\s'\x22]+):([^\s'\x22]+)", 0,
        "curl -u deploy:{{alnum:16}} https://api.example.com").check(Check::UrlPassword).rule(Rule::UrlPassword),
];

pub struct Compiled {
    pub regexes: Vec<Option<Regex>>,
    exact: AhoCorasick,
    exact_format: Vec<usize>,
    nocase: AhoCorasick,
    nocase_format: Vec<usize>,
}

pub static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    let regexes = FORMATS
        .iter()
        .map(|f| (!f.regex.is_empty()).then(|| RegexBuilder::new(f.regex).unicode(false).build().unwrap_or_else(|e| panic!("{}: {e}", f.id))))
        .collect();
    let mut exact_pats = Vec::new();
    let mut exact_format = Vec::new();
    let mut nocase_pats = Vec::new();
    let mut nocase_format = Vec::new();
    for (i, f) in FORMATS.iter().enumerate() {
        for k in f.keywords {
            exact_pats.push(*k);
            exact_format.push(i);
        }
        for k in f.keywords_nocase {
            nocase_pats.push(*k);
            nocase_format.push(i);
        }
    }
    let exact = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).kind(Some(AhoCorasickKind::DFA)).build(&exact_pats).expect("keywords compile");
    let nocase = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).ascii_case_insensitive(true).kind(Some(AhoCorasickKind::DFA)).build(&nocase_pats).expect("keywords compile");
    Compiled { regexes, exact, exact_format, nocase, nocase_format }
});

/// One match of a format: the secret's byte range within the scanned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatHit {
    pub format: usize,
    pub start: usize,
    pub end: usize,
    pub verdict: HitVerdict,
    /// For private keys: the kind named in the header (`RSA`, `OPENSSH`, …), else empty.
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitVerdict {
    Secret,
    /// Right shape, but the checksum does not verify: a made-up or mangled token.
    Unverified,
    /// A password-like slot holding a placeholder (`postgres://user:changeme@…`).
    Placeholder,
}

/// Keyword hits: (format index, byte offset of the keyword).
pub fn keyword_hits(text: &[u8]) -> Vec<(usize, usize)> {
    let c = &*COMPILED;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in c.exact.find_overlapping_iter(text) {
        out.push((c.exact_format[m.pattern().as_usize()], m.start()));
    }
    for m in c.nocase.find_overlapping_iter(text) {
        out.push((c.nocase_format[m.pattern().as_usize()], m.start()));
    }
    out
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn line_bounds(text: &[u8], at: usize) -> (usize, usize) {
    let start = text[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end = text[at..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| at + i);
    (start, end)
}

/// Every format match in `text`.
pub fn scan(text: &[u8]) -> Vec<FormatHit> {
    let hits = keyword_hits(text);
    if hits.is_empty() {
        return Vec::new();
    }
    scan_hits(text, &hits)
}

/// Format matches around the given keyword hits.
pub fn scan_hits(text: &[u8], hits: &[(usize, usize)]) -> Vec<FormatHit> {
    let c = &*COMPILED;
    let mut seen = std::collections::HashSet::new();
    let mut windows: Vec<(usize, usize, usize)> = Vec::new(); // (format, start, end)
    let mut out = Vec::new();
    for &(format, at) in hits {
        let spec = &FORMATS[format];
        if spec.check == Check::PrivateKey {
            if let Some(hit) = private_key_at(text, at, format) {
                out.push(hit);
            }
            continue;
        }
        let (s, e) = if spec.whole_text { (0, text.len()) } else { line_bounds(text, at) };
        if seen.insert((format, s)) {
            windows.push((format, s, e));
        }
    }
    for (format, s, e) in windows {
        let spec = &FORMATS[format];
        let Some(re) = &c.regexes[format] else { continue };
        let window = &text[s..e];
        for caps in re.captures_iter(window) {
            // The secret is the last group that matched (the whole match when there is none).
            let m = (1..caps.len()).rev().find_map(|i| caps.get(i)).unwrap_or_else(|| caps.get(0).unwrap());
            let (start, end) = (s + m.start(), s + m.end());
            // Tokens end at a non-word character: a key inside a longer identifier is not a key.
            if caps.len() == 1 && (start > 0 && is_word(text[start - 1]) || end < text.len() && is_word(text[end])) {
                continue;
            }
            if let Some(verdict) = judge(spec, &text[start..end], &caps, window) {
                let detail = match spec.check {
                    Check::UrlPassword => caps.get(1).map(|m| String::from_utf8_lossy(m.as_bytes()).to_ascii_lowercase()).unwrap_or_default(),
                    _ => String::new(),
                };
                out.push(FormatHit { format, start, end, verdict, detail });
            }
        }
    }
    // On the same span the earlier table entry (the more specific format) wins.
    out.sort_by_key(|h| (h.start, h.end, h.format));
    out.dedup_by(|b, a| a.start == b.start && a.end == b.end);
    // Prefer the most specific format on overlapping spans (Anthropic over `sk-…`): the earlier
    // table entry wins, and a longer span beats a shorter one inside it.
    let mut kept: Vec<FormatHit> = Vec::new();
    for h in out {
        if let Some(k) = kept.iter_mut().find(|k| k.start < h.end && h.start < k.end) {
            let h_better = (h.end - h.start > k.end - k.start) || (h.end - h.start == k.end - k.start && h.format < k.format);
            if h_better {
                *k = h;
            }
            continue;
        }
        kept.push(h);
    }
    kept
}

fn judge(spec: &Format, value: &[u8], caps: &regex::bytes::Captures, _window: &[u8]) -> Option<HitVerdict> {
    let text = std::str::from_utf8(value).ok()?;
    match spec.check {
        Check::UrlPassword => {
            let password = text;
            let user = caps.get(2).map(|m| String::from_utf8_lossy(m.as_bytes()).into_owned()).unwrap_or_default();
            let scheme = caps.get(1).map(|m| String::from_utf8_lossy(m.as_bytes()).to_ascii_lowercase()).unwrap_or_default();
            if (matches!(scheme.as_str(), "http" | "https") || scheme == "curl") && user.is_empty() {
                return None;
            }
            if filters::is_template_or_reference(password) || password.contains(['{', '}', '$', '%']) {
                return None;
            }
            if filters::is_placeholder(password) || password.eq_ignore_ascii_case(&user) || password.len() < 4 || DEFAULT_PASSWORDS.contains(&password.to_ascii_lowercase().as_str()) {
                return Some(HitVerdict::Placeholder);
            }
            if filters::is_sequential_or_repeated(password) && password.len() > 3 {
                return Some(HitVerdict::Placeholder);
            }
            return Some(HitVerdict::Secret);
        }
        Check::Jwt => {
            let header = text.split('.').next()?;
            let decoded = filters::base64_decode(header)?;
            let decoded = String::from_utf8_lossy(&decoded);
            if !decoded.trim_start().starts_with('{') || !decoded.contains("\"alg\"") {
                return None;
            }
        }
        _ => {}
    }
    let random = &text[spec.show.min(text.len())..];
    if filters::is_documentation_example(text) {
        return None;
    }
    if filters::is_sequential_or_repeated(random) || filters::entropy(random.as_bytes()) <= spec.min_entropy {
        return None;
    }
    // Generic prefixes need a random-looking body: letters and digits both.
    let generic_prefix = !spec.keywords_nocase.is_empty()
        || matches!(spec.id, "openai-style-key" | "fireworks-api-key" | "twilio-api-key" | "meta-access-token" | "mailgun-api-key" | "notion-token" | "elevenlabs-api-key");
    if generic_prefix && (filters::classes(random) < 2 || !random.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    if spec.check == Check::Crc32Base62 && !crc32_base62_ok(text) {
        return Some(HitVerdict::Unverified);
    }
    Some(HitVerdict::Secret)
}

/// Passwords that only ever appear in local development setups.
const DEFAULT_PASSWORDS: &[&str] = &[
    "postgres", "postgresql", "mysql", "mariadb", "root", "admin", "guest", "redis", "rabbitmq", "mongo", "mongodb", "pass",
    "password", "secret", "test", "testing", "dev", "development", "local", "example", "changeme", "user", "sa", "pw", "pwd",
    "passwd", "p", "x", "foo", "bar", "default", "demo", "docker", "django", "flask", "app", "airflow", "celery", "minio",
    "minioadmin", "elastic", "neo4j", "oracle", "sql", "sqlserver",
];

/// GitHub-style tokens: `prefix_` + 30 random base62 characters + 6 characters of base62 CRC32.
pub fn crc32_base62_ok(token: &str) -> bool {
    let Some((_, body)) = token.rsplit_once('_') else { return false };
    if body.len() < 36 {
        return false;
    }
    let (random, check) = body.split_at(30);
    let check = &check[..6];
    base62_6(crc32(random.as_bytes())) == check
}

pub fn base62_6(mut n: u32) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8(out.to_vec()).unwrap()
}

pub fn crc32(data: &[u8]) -> u32 {
    static TABLE: LazyLock<[u32; 256]> = LazyLock::new(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *slot = c;
        }
        t
    });
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A PEM private key block starting at `at` (the `-----BEGIN`). The secret span is the body
/// between the header and the footer; it must hold at least 64 base64 characters that are not
/// all the same. Escaped newlines (`\n` inside a string or JSON) count as line breaks.
fn private_key_at(text: &[u8], at: usize, format: usize) -> Option<FormatHit> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        RegexBuilder::new(r"^-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED |ANY )?)PRIVATE KEY(?: BLOCK)?-----").unicode(false).build().unwrap()
    });
    let caps = HEADER.captures(&text[at..])?;
    let kind = String::from_utf8_lossy(caps.get(1).map_or(&b""[..], |m| m.as_bytes())).trim().to_string();
    let body_start = at + caps.get(0).unwrap().end();
    let limit = (body_start + 64 * 1024).min(text.len());
    let rest = &text[body_start..limit];
    let footer = find(rest, b"-----END");
    let body_end = match footer {
        Some(i) => body_start + i,
        None => {
            // No footer (truncated paste): the body runs while it looks like base64.
            let n = rest.iter().position(|&b| !(b.is_ascii_alphanumeric() || b"+/=\\\r\n\t \"',".contains(&b))).unwrap_or(rest.len());
            if n < 200 {
                return None;
            }
            body_start + n
        }
    };
    let body = &text[body_start..body_end];
    let mut b64 = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < body.len() {
        let b = body[i];
        if b == b'\\' && i + 1 < body.len() && matches!(body[i + 1], b'n' | b'r' | b't') {
            i += 2;
            line_start = true;
            continue;
        }
        if b == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        // Header lines inside the block: `Proc-Type: …`, `DEK-Info: …`, `Comment: …`.
        if line_start && body[i..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count() > 0 {
            let word_end = i + body[i..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
            if body.get(word_end) == Some(&b':') {
                while i < body.len() && body[i] != b'\n' && !(body[i] == b'\\' && body.get(i + 1) == Some(&b'n')) {
                    i += 1;
                }
                continue;
            }
        }
        if b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=' {
            b64.push(b);
            line_start = false;
        } else if !b.is_ascii_whitespace() {
            line_start = false;
        }
        i += 1;
    }
    if b64.len() < 64 || filters::entropy(&b64) < 4.0 {
        return None;
    }
    // Trim the span to the base64 payload (leave quotes and whitespace of the container out).
    let first = body.iter().position(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))?;
    let last = body.iter().rposition(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))?;
    Some(FormatHit { format, start: body_start + first, end: body_start + last + 1, verdict: HitVerdict::Secret, detail: kind })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn by_id(id: &str) -> Option<usize> {
    FORMATS.iter().position(|f| f.id == id)
}


/// Provider prefixes followed by filler instead of a key: `sk-ant-api03-REPLACE_ME`,
/// `ghp_xxxxxxxxxxxx`, `sk-...`, `hf_<your token>`. (Format index, start, end.)
pub fn placeholder_hits(text: &[u8], hits: &[(usize, usize)], real: &[FormatHit]) -> Vec<(usize, usize, usize)> {
    static FILLER: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)^[-_.]?(\.\.\.|…|x{3,}|\*{3,}|<[^<>]*>|\[[^\[\]]*\]|.*(your|replace|changeme|change[-_]me|[-_]here|placeholder|dummy|fake|insert|todo|redacted|xxx|\.\.\.|…).*)$").unwrap()
    });
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    // At one position the longest keyword names the provider (`sk-ant-` over `sk-`).
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new(); // (at, format, keyword length)
    for &(format, at) in hits {
        let spec = &FORMATS[format];
        if spec.rule != Rule::Provider || spec.keywords.is_empty() {
            continue;
        }
        let Some(keyword) = spec.keywords.iter().find(|k| text[at..].starts_with(k.as_bytes())) else { continue };
        candidates.push((at, format, keyword.len()));
    }
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
    candidates.dedup_by_key(|c| c.0);
    for (at, format, klen) in candidates {
        let keyword = std::str::from_utf8(&text[at..at + klen]).unwrap_or("");
        if keyword.len() < 3 || !keyword.ends_with(['-', '_', '.']) || at > 0 && is_word(text[at - 1]) {
            continue;
        }
        let end = at + text[at..].iter().position(|&b| b.is_ascii_whitespace() || b"\"'`,;()\\".contains(&b)).unwrap_or(text.len() - at);
        let rest = String::from_utf8_lossy(&text[at + keyword.len()..end]);
        if rest.is_empty() || !FILLER.is_match(&rest) {
            continue;
        }
        if real.iter().any(|h| h.start < end && at < h.end) || out.iter().any(|&(_, s, e)| s < end && at < e) {
            continue;
        }
        out.push((format, at, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_regex_compiles_and_ids_are_unique() {
        let c = &*COMPILED;
        assert_eq!(c.regexes.len(), FORMATS.len());
        let mut ids: Vec<&str> = FORMATS.iter().map(|f| f.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), FORMATS.len());
        assert!(FORMATS.len() >= 40);
    }

    #[test]
    fn crc32_matches_the_reference_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(base62_6(0), "000000");
        assert_eq!(base62_6(61), "00000z");
    }
}
