"""deploy/nginx.conf: valid for nginx (`nginx -t`), and when run on loopback it spreads
requests over both app servers and keeps answering when one of them is down."""

import http.server
import shutil
import ssl
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require_component
from tests.processes import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_available() -> bool:
    return Path(NGINX).exists() and shutil.which("openssl") is not None


class Named(http.server.BaseHTTPRequestHandler):
    """An app server that says which one it is."""

    def do_GET(self):
        body = self.server.name.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def app_server(name: str) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Named)
    server.name = name
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def proxy(tmp_path):
    """The shipped configuration, with loopback ports, a self-signed certificate and the
    two app servers' addresses put in; the nginx process, started."""
    require_component(nginx_available(), "nginx and openssl (apt-get install nginx)")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=forum.example.org", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    servers = [app_server("first"), app_server("second")]
    https_port, http_port = free_port(), free_port()
    shipped = (ROOT / "deploy" / "nginx.conf").read_text()
    assert shipped.count("server 127.0.0.1:800") == 2
    site = (
        shipped.replace("127.0.0.1:8001", f"127.0.0.1:{servers[0].server_port}")
        .replace("127.0.0.1:8002", f"127.0.0.1:{servers[1].server_port}")
        .replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace(
            "/etc/letsencrypt/live/forum.example.org/fullchain.pem", str(tmp_path / "cert.pem")
        )
        .replace("/etc/letsencrypt/live/forum.example.org/privkey.pem", str(tmp_path / "key.pem"))
    )
    (tmp_path / "vos.conf").write_text(site)
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / folder).mkdir()
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"worker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\nhttp {\n  access_log off;\n"
        + "".join(f"  {kind}_temp_path {tmp_path}/{kind};\n" for kind in
                  ("fastcgi", "uwsgi", "scgi"))
        + f"  client_body_temp_path {tmp_path}/body;\n  proxy_temp_path {tmp_path}/proxy;\n"
        f"  include {tmp_path}/vos.conf;\n}}\n"
    )  # fmt: skip
    checked = subprocess.run(
        [NGINX, "-t", "-c", str(main), "-p", str(tmp_path)],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr
    process = subprocess.Popen(
        [NGINX, "-c", str(main), "-p", str(tmp_path), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
    )
    try:
        yield https_port, http_port, servers
    finally:
        process.terminate()
        process.wait(timeout=10)
        for server in servers:
            server.shutdown()


def ask(port: int) -> str:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    deadline = time.monotonic() + 10
    while True:
        try:
            with urllib.request.urlopen(
                f"https://127.0.0.1:{port}/", context=context, timeout=5
            ) as r:
                return r.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_nginx_spreads_requests_over_both_servers_and_survives_one_down(proxy):
    https_port, _http_port, servers = proxy
    answers = [ask(https_port) for _ in range(20)]
    assert set(answers) == {"first", "second"}

    servers[0].shutdown()
    servers[0].server_close()
    assert [ask(https_port) for _ in range(10)] == ["second"] * 10


def test_plain_http_is_sent_to_https(proxy):
    https_port, http_port, _servers = proxy
    assert ask(https_port) in {"first", "second"}  # nginx is up

    class NoFollow(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoFollow)
    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(f"http://127.0.0.1:{http_port}/en/", timeout=5)
    assert refused.value.code == 301
    assert refused.value.headers["Location"].startswith("https://")
