"""A real SMTP server on loopback for the daemon's tests (aiosmtpd).

Usage: python3 smtp_sink.py PORT_FILE MAIL_DIR [PORT [USER:PASSWORD]]
Listens on 127.0.0.1 (PORT, or a free port), writes the port to PORT_FILE once listening, and
with SINK_TLS=starttls or SINK_TLS=tls (and SINK_CERT, SINK_KEY) requires
STARTTLS or speaks implicit TLS; saves each message byte for byte as MAIL_DIR/N.eml with a summary MAIL_DIR/N.json that Python's
email parser made of it (decoded subject, content types, Message-ID, defects).

Faults: with SINK_MODE_FILE, the file's first word is read at each DATA command and decides what
the server does with the message: `ok` (or no file) accepts it; `drop` answers 354, reads a few
lines of the message and closes the connection without a reply (a server or a link that dies
mid-DATA); a three-digit code such as `451` or `554` reads the whole message and answers with that
code (a temporary or a permanent refusal). Every DATA command is counted in MAIL_DIR/attempts.log
as one line, the mode it met.
"""
import asyncio
import email
import email.policy
import json
import os
import signal
import socket
import ssl
import sys
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def current_mode():
    path = os.environ.get("SINK_MODE_FILE")
    if not path:
        return "ok"
    try:
        with open(path) as f:
            words = f.read().split()
    except FileNotFoundError:
        return "ok"
    return words[0] if words else "ok"


class FaultySMTP(SMTP):
    """An SMTP session whose DATA command fails as the mode file says."""

    async def smtp_DATA(self, arg):
        mode = current_mode()
        with open(os.path.join(self.event_handler.folder, "attempts.log"), "a") as f:
            f.write(mode + "\n")
        if mode == "drop" and self.envelope.rcpt_tos:
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            for _ in range(3):
                await self._reader.readline()
            self.transport.abort()
            return
        return await super().smtp_DATA(arg)


class FaultyController(Controller):
    def factory(self):
        return FaultySMTP(self.handler, **self.SMTP_kwargs)


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        mode = current_mode()
        if mode.isdigit():
            return "%s Refused by the test server (mode %s)" % (mode, mode)
        self.count += 1
        raw = envelope.original_content
        base = os.path.join(self.folder, "%d" % self.count)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = [part.get_content_type() for part in message.walk()]
        bodies = {}
        for part in message.walk():
            if not part.is_multipart():
                bodies[part.get_content_type()] = part.get_content()
        summary = {
            "mail_from": envelope.mail_from,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "auth_login": session.auth_data.decode() if isinstance(session.auth_data, bytes) else None,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["Subject"]),
            "raw_headers": raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace"),
            "message_id": str(message["Message-ID"]),
            "date": str(message["Date"]),
            "content_type": message.get_content_type(),
            "parts": parts,
            "defects": [str(d) for part in message.walk() for d in part.defects],
            "text": bodies.get("text/plain", ""),
            "html": bodies.get("text/html", ""),
            "header_names": list(message.keys()),
        }
        with open(base + ".eml.part", "wb") as f:
            f.write(raw)
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False)
        os.rename(base + ".eml.part", base + ".eml")
        return "250 Message accepted for delivery"


def main():
    # The test process may start us with signals blocked; SIGTERM must stop the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    port_file, folder = sys.argv[1], sys.argv[2]
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if port == 0:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    os.makedirs(folder, exist_ok=True)
    options = {}
    if len(sys.argv) > 4:
        user, password = sys.argv[4].split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)

        options = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
        warnings.simplefilter("ignore")
    tls = os.environ.get("SINK_TLS", "none")
    if tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(os.environ["SINK_CERT"], os.environ["SINK_KEY"])
        if tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    controller = FaultyController(Sink(folder), hostname="127.0.0.1", port=port, **options)
    controller.start()
    with open(port_file + ".part", "w") as f:
        f.write(str(port))
    os.rename(port_file + ".part", port_file)
    stop = asyncio.new_event_loop()
    signal.signal(signal.SIGTERM, lambda *_: stop.call_soon_threadsafe(stop.stop))
    try:
        stop.run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
