"""Settings for the Viral Open Space platform.

Every value comes from an environment variable, else from an optional ``vos.cfg``
file (section ``[vos]``, same names in lower or upper case), else from a default
that is safe on a laptop: SQLite, local memory cache, emails printed to the
console, nothing bound beyond 127.0.0.1.
"""

import configparser
import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

# ---------------------------------------------------------------------------
# Configuration sources
# ---------------------------------------------------------------------------

SOURCE_DIR = Path(__file__).resolve().parent
CONFIG_FILE = Path(os.environ.get("VOS_CONFIG", "vos.cfg"))

_file_config: dict[str, str] = {}
if CONFIG_FILE.is_file():
    _parser = configparser.ConfigParser(interpolation=None)
    _parser.read(CONFIG_FILE, encoding="utf-8")
    if _parser.has_section("vos"):
        _file_config = {key.upper(): value for key, value in _parser.items("vos")}


def env(name: str, default: str = "") -> str:
    """Read a setting from the environment, then vos.cfg, then the default."""
    if name in os.environ:
        return os.environ[name]
    return _file_config.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name, "")
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DATA_DIR = Path(env("VOS_DATA_DIR", str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

TESTING = env_bool("VOS_TESTING")

# ---------------------------------------------------------------------------
# Security
# ---------------------------------------------------------------------------

DEBUG = env_bool("DEBUG")


def _local_secret_key() -> str:
    """A key kept in the data folder, so local sessions survive restarts."""
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = env("SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Unset: `vos serve` then names the address it serves on (links in emails follow it).
SITE_URL_GIVEN = bool(env("SITE_URL"))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

# Production is whenever the site is served over https.
PRODUCTION = SITE_URL.startswith("https://")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SECURE = PRODUCTION
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# A strict policy: everything from us, nothing inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)

# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "vos.common",
    "vos.person",
    "vos.mail",
    "vos.edition",
    "vos.organization",
    "vos.activity",
    "vos.registration",
    "vos.network",
    "vos.declaration",
    "vos.forum",
    "vos.live",
    "vos.team",
    "vos.newsletter",
    "vos.sharing",
    "vos.news",
    "vos.contact",
    "vos.room",
    "vos.schedule",
    "vos.api",
    "vos.home",
    "vos.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "vos.common.middleware.ContentSecurityPolicyMiddleware",
    "vos.common.middleware.OpenReadsMiddleware",
    # Static files come precompressed from WhiteNoise; pages are compressed here, after
    # every middleware below has written them (brotli, else gzip).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "vos.common.middleware.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "vos.common.middleware.ContentLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every response, and 304 when the client already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "vos.common.middleware.StableETagMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "vos.common.middleware.TimeZoneMiddleware",
    # Anonymous pages from the shared cache (needs the reader's zone and language).
    "vos.common.page_cache.PageCacheMiddleware",
    "vos.common.middleware.UnreadableInputMiddleware",
]

ROOT_URLCONF = "vos.urls"
WSGI_APPLICATION = "vos.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SOURCE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vos.common.context_processors.site",
            ],
            "builtins": ["vos.common.templatetags.vos"],
        },
    },
]

# ---------------------------------------------------------------------------
# Database and cache
# ---------------------------------------------------------------------------

DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # psycopg's pool: each process keeps up to this many connections open and lends
    # them to its threads (PgBouncer in front of PostgreSQL does the same across
    # machines). Django wants persistent connections off when it pools.
    DATABASE_POOL_SIZE = int(env("DATABASE_POOL_SIZE", "0"))
    if DATABASE_POOL_SIZE > 0 and DATABASES["default"]["ENGINE"].endswith("postgresql"):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": DATABASE_POOL_SIZE,
            "timeout": 10,
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "vos.sqlite3",
            "OPTIONS": {
                # WAL lets readers go on while one writer writes; IMMEDIATE takes the
                # write lock at the start of a transaction so two writers queue up
                # instead of failing half-way.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, turned into misses while Redis is away (vos.common.cache).
            "BACKEND": "vos.common.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "vos"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Anonymous pages served from the cache for this long at most (vos.common.page_cache);
# on by default only with Redis, whose version counter every app process shares.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "60" if REDIS_URL else "0"))

# ---------------------------------------------------------------------------
# Background tasks
# ---------------------------------------------------------------------------

# "database" (django-tasks-db and its db_worker) or "rq" (RQ on Redis, at scale).
TASKS_BACKEND = env("TASKS_BACKEND", "database")
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600}}
if TASKS_BACKEND == "rq":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# ---------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------

AUTH_USER_MODEL = "person.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "vos.person.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_ADAPTER = "vos.person.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[VOS] "
# Attempts per period and per client address (ip) or account (key).
ACCOUNT_RATE_LIMITS = {
    "login": env("RATE_LIMIT_LOGIN", "30/m/ip"),
    "login_failed": env("RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/5m/key"),
    "signup": env("RATE_LIMIT_SIGNUP", "20/m/ip"),
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_email": "5/m/user",
}

# ---------------------------------------------------------------------------
# Email: every message goes through the outbox and is sent by a task.
# ---------------------------------------------------------------------------

EMAIL_BACKEND = "vos.mail.backends.OutboxBackend"
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Viral Open Space <forum@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the outbox hands messages: SMTP when a host is set, else the console.
MAIL_DELIVERY_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
MAIL_MAX_ATTEMPTS = int(env("MAIL_MAX_ATTEMPTS", "8"))
# A worker holds a message it is sending for this long; past it, the sweep (``vos remind``)
# sends it again under the same Message-ID (a worker killed mid-send loses nothing).
MAIL_LEASE_SECONDS = int(env("MAIL_LEASE_SECONDS", "120"))
# The sweep leaves a message to its own task for this long after it is due.
MAIL_SWEEP_GRACE_SECONDS = int(env("MAIL_SWEEP_GRACE_SECONDS", "60"))
# Newsletters are queued at most this many emails a second, across every worker.
NEWSLETTER_RATE_PER_SECOND = int(env("NEWSLETTER_RATE_PER_SECOND", "20"))
# /healthz reports the worker "stalled" when a task has been due for this long.
WORKER_STALL_SECONDS = int(env("WORKER_STALL_SECONDS", "300"))

# ---------------------------------------------------------------------------
# Languages and time zones
# ---------------------------------------------------------------------------

LANGUAGE_CODE = env("DEFAULT_LANGUAGE", "en")
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
]
# The catalogs live at the top of the checkout, beside src/.
LOCALE_PATHS = [
    SOURCE_DIR.parent.parent / "locale",
    # Brazilian Portuguese for the packages' pages and emails (tools/brazilian_portuguese.py),
    # and the account pages' Spanish addressing participants as tú.
    *(
        SOURCE_DIR.parent.parent / "locale_overrides" / name
        for name in ("allauth", "auth", "django")
    ),
]
USE_I18N = True
USE_TZ = True
# The zone used for storage is always UTC; this one is the fallback for display.
TIME_ZONE = "UTC"
VOS_DEFAULT_TIME_ZONE = env("DEFAULT_TIME_ZONE", "Europe/Paris")
TIME_ZONE_COOKIE = "vos_tz"

# ---------------------------------------------------------------------------
# Static files
# ---------------------------------------------------------------------------

# Uploads (organizations' logos), re-encoded before they are stored; served by the site
# under addresses made of their digest.
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
ORGANIZATION_LOGO_MAX_BYTES = int(env("ORGANIZATION_LOGO_MAX_BYTES", str(2_000_000)))
# The contact form: the browser's proof of work (leading zero bits of a SHA-256, about
# 2**bits tries), the wait without JavaScript, how long a form stays valid, hourly limits.
CONTACT_WORK_BITS = int(env("CONTACT_WORK_BITS", "16"))
CONTACT_WAIT_SECONDS = int(env("CONTACT_WAIT_SECONDS", "15"))
CONTACT_FORM_MAX_AGE = int(env("CONTACT_FORM_MAX_AGE", str(2 * 3600)))
CONTACT_PER_ADDRESS_PER_HOUR = int(env("CONTACT_PER_ADDRESS_PER_HOUR", "5"))
CONTACT_PER_EMAIL_PER_HOUR = int(env("CONTACT_PER_EMAIL_PER_HOUR", "3"))
# Pictures of articles and screenshots of the pages, before they are re-encoded.
NEWS_PICTURE_MAX_BYTES = int(env("NEWS_PICTURE_MAX_BYTES", str(5_000_000)))
# Signatures of declarations accepted per hour from one network address, and for one email
# domain (against mass fake signatures; big organizations' domains need the larger one).
SIGNATURES_PER_ADDRESS = int(env("SIGNATURES_PER_ADDRESS", "20"))
SIGNATURES_PER_DOMAIN = int(env("SIGNATURES_PER_DOMAIN", "300"))
# The Open Forum: contributions a person may post in a minute, and for how long they may
# edit one after posting it.
FORUM_POSTS_PER_MINUTE = int(env("FORUM_POSTS_PER_MINUTE", "6"))
FORUM_EDIT_MINUTES = int(env("FORUM_EDIT_MINUTES", "30"))

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [SOURCE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production the files are served straight from the source folders.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# ---------------------------------------------------------------------------
# Forum
# ---------------------------------------------------------------------------

VOS_SITE_NAME = env("SITE_NAME", "Viral Open Space")
VOS_CONTACT_EMAIL = env("CONTACT_EMAIL", "facilitation@localhost")
# API rate limits: per address without a token, per token with one.
API_RATE_ANONYMOUS = env("API_RATE_ANONYMOUS", "120/m")
API_RATE_TOKEN = env("API_RATE_TOKEN", "300/m")
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
# The longest an activity may last, unless an edition says otherwise.
VOS_MAX_ACTIVITY_MINUTES = int(env("MAX_ACTIVITY_MINUTES", "480"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
