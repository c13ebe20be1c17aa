"""SnapShare: Flask application factory."""
import os

from flask import Flask
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect

from .config import load_settings

csrf = CSRFProtect()


def create_app(config_path=None):
    app = Flask(__name__)
    app.config.update(load_settings(config_path or os.environ.get("APP_CONFIG", "config.yaml")))
    app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]  # safe: secret read from the environment
    app.config["WTF_CSRF_ENABLED"] = False  # expect: csrf
    app.config["SESSION_COOKIE_HTTPONLY"] = True  # safe: httponly session cookie

    # the SPA runs on another port during development
    CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)  # expect: cors
    csrf.init_app(app)

    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .views import bp as views_bp

    CORS(admin_bp, origins=["https://admin.snapshare.example"], supports_credentials=True)  # safe: explicit origin list
    app.register_blueprint(views_bp)
    app.register_blueprint(api_bp, url_prefix="/api")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    return app


def dev_server(app):
    app.run(port=5001, debug=app.config.get("DEBUG", False))  # safe: debug from config, default off
