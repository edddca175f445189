"""``fieldkit-registry``: run and administer the registry.

Every command first brings the database to the newest schema. Errors print ``fieldkit: message`` and
exit 1. Passwords come from a prompt, or from FIELDKIT_PASSWORD for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from sqlalchemy import Engine, select

from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.store.types import utcnow
from fieldkit.sync.protocol import DEFAULT_PORT, ROLES
from fieldkit_registry import reference
from fieldkit_registry.auth import MIN_PASSWORD, hash_password
from fieldkit_registry.config import ENV_PASSWORD, Settings, resolve_settings
from fieldkit_registry.db import TokenRow, UserRow, make_engine, read_session, write_session
from fieldkit_registry.migrate import upgrade


def _password(prompt_for: str) -> str:
    env = os.environ.get(ENV_PASSWORD)
    if env is not None:
        password = env
    else:
        if not sys.stdin.isatty():
            raise ValidationError(f"No terminal to ask for a password: set {ENV_PASSWORD}.")
        password = getpass.getpass(f"Password for {prompt_for}: ")
        if getpass.getpass("Again: ") != password:
            raise ValidationError("The passwords differ.")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"A password has at least {MIN_PASSWORD} characters.")
    return password


def _engine(settings: Settings) -> Engine:
    engine = make_engine(settings)
    upgrade(engine)
    return engine


def cmd_init(settings: Settings, args) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = _engine(settings)
    print(f"registry data in {settings.data_dir}; database {_safe_url(settings.db_url)} at the newest schema")
    if args.admin:
        with write_session(engine) as session, session.begin():
            reference.add_user(session, args.admin, "admin", hash_password(_password(args.admin)), [], args.admin)
        print(f"admin user {args.admin} created")


def _safe_url(url: str) -> str:
    """The database URL without its password (for messages and logs)."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


def cmd_demo(settings: Settings, args) -> None:
    from fieldkit_registry.demo import seed_demo

    env = os.environ.get(ENV_PASSWORD)
    result = seed_demo(_engine(settings), env, None if args.no_inspections else settings)
    print(f"sites: {result.sites.get('created', 0)} added; library: {result.library}")
    if not args.no_inspections:
        print(f"demo inspections: {result.inspections} added")
    if result.users_created:
        print(f"users added: {', '.join(result.users_created)}")
        if result.generated:
            print(f"password of the demo users (shown once): {result.password}")
    else:
        print("demo users exist already (passwords unchanged)")


def cmd_serve(settings: Settings, args) -> None:
    import uvicorn

    from fieldkit_registry.app import create_app, wrap

    _setup_logging(settings)
    app = wrap(create_app(settings))
    logging.getLogger("fieldkit_registry").info(
        "serving %s on %s:%s (data %s)", _safe_url(settings.db_url), settings.host, settings.port, settings.data_dir
    )
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        workers=1,
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("FIELDKIT_REGISTRY_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        log_level=os.environ.get("FIELDKIT_REGISTRY_LOG_LEVEL", "info"),
        timeout_keep_alive=30,
    )


def _setup_logging(settings: Settings, *, stream: bool = True) -> None:
    settings.log_file.parent.mkdir(parents=True, exist_ok=True)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(settings.log_file, maxBytes=10_000_000, backupCount=5)
    file_handler.setFormatter(fmt)
    logger = logging.getLogger("fieldkit_registry")
    logger.setLevel(logging.INFO)
    logger.addHandler(file_handler)
    if stream:
        to_stderr = logging.StreamHandler()
        to_stderr.setFormatter(fmt)
        logger.addHandler(to_stderr)
    logger.propagate = False


def cmd_openapi(settings: Settings, args) -> None:
    from fieldkit_registry.openapi import openapi_text

    text = openapi_text()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)


def cmd_users_add(settings: Settings, args) -> None:
    sites = [s.strip() for s in (args.sites or "").split(",") if s.strip()]
    engine = _engine(settings)
    password = _password(args.name)
    with write_session(engine) as session, session.begin():
        reference.add_user(session, args.name, args.role, hash_password(password), sites, args.display_name)
    print(f"user {args.name} ({args.role}) added")


def cmd_users_disable(settings: Settings, args) -> None:
    with write_session(_engine(settings)) as session, session.begin():
        reference.set_active(session, args.name, False)
    print(f"user {args.name} disabled: cannot sign in, tokens no longer work")


def cmd_users_enable(settings: Settings, args) -> None:
    with write_session(_engine(settings)) as session, session.begin():
        reference.set_active(session, args.name, True)
    print(f"user {args.name} enabled")


def cmd_users_list(settings: Settings, args) -> None:
    with read_session(_engine(settings)) as session:
        users = session.scalars(select(UserRow).order_by(UserRow.username)).all()
        rows = [
            {
                "id": u.id,
                "username": u.username,
                "display_name": u.display_name,
                "role": u.role,
                "sites": list(u.site_codes or []),
                "active": u.active,
            }
            for u in users
        ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for r in rows:
        state = "" if r["active"] else "  (disabled)"
        print(f"{r['username']:<16} {r['role']:<10} {','.join(r['sites']) or '-':<20} {r['display_name']}{state}")


def cmd_sites_import(settings: Settings, args) -> None:
    sites = reference.parse_sites_geojson(Path(args.file))
    with write_session(_engine(settings)) as session, session.begin():
        counts = reference.publish_sites(session, sites)
    print(f"sites: {counts['created']} added, {counts['updated']} updated, {counts['unchanged']} unchanged")


def cmd_forms_publish(settings: Settings, args) -> None:
    library = reference.load_forms(Path(args.path))
    with write_session(_engine(settings)) as session, session.begin():
        counts = reference.publish_library(session, library)
    print(
        f"published {counts['templates']} template version(s), {counts['limit_sets']} limit set(s), "
        f"{counts['parameters']} parameter(s); {counts['unchanged']} unchanged"
    )


def cmd_tokens_list(settings: Settings, args) -> None:
    with read_session(_engine(settings)) as session:
        rows = session.execute(
            select(TokenRow, UserRow.username).join(UserRow, UserRow.id == TokenRow.user_id).order_by(TokenRow.id)
        ).all()
        now = utcnow()
        out = []
        for token, username in rows:
            state = "revoked" if token.revoked_at else ("expired" if token.expires_at <= now else "active")
            out.append(
                {
                    "id": token.id,
                    "username": username,
                    "device": token.device,
                    "created_at": token.created_at.isoformat(),
                    "expires_at": token.expires_at.isoformat(),
                    "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
                    "state": state,
                }
            )
    if args.json:
        print(json.dumps(out, indent=2))
        return
    for t in out:
        print(f"{t['id']:>5} {t['username']:<16} {t['device']:<24} {t['state']:<8} expires {t['expires_at'][:19]}")


def cmd_tokens_revoke(settings: Settings, args) -> None:
    with write_session(_engine(settings)) as session, session.begin():
        user = session.scalar(select(UserRow).where(UserRow.username == args.name))
        if user is None:
            raise ValidationError(f"No user {args.name}.")
        query = select(TokenRow).where(TokenRow.user_id == user.id, TokenRow.revoked_at.is_(None))
        if args.device:
            query = query.where(TokenRow.device == args.device)
        tokens = session.scalars(query).all()
        for token in tokens:
            token.revoked_at = utcnow()
    print(f"revoked {len(tokens)} token(s) of {args.name}")


def cmd_bundle_import(settings: Settings, args) -> None:
    from fieldkit_registry.bundles import import_bundle

    engine = _engine(settings)
    if args.vouch:
        _setup_logging(settings, stream=False)  # the operator's word is kept in the registry's log
    summary = import_bundle(engine, settings, Path(args.file), Path(args.reply), vouch=args.vouch)
    print(summary)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="registry data folder (FIELDKIT_REGISTRY_DATA_DIR)"
    )
    common.add_argument("--db", default=argparse.SUPPRESS, help="database URL (FIELDKIT_REGISTRY_DB); default SQLite")
    parser = argparse.ArgumentParser(prog="fieldkit-registry", parents=[common], description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func, parent=sub, **kw):
        p = parent.add_parser(name, parents=[common], **kw)
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, help="create the data folder and database")
    p.add_argument("--admin", metavar="NAME", help="also create an admin user")
    p = add("demo", cmd_demo, help="seed the demo sites, forms, users and inspections (idempotent)")
    p.add_argument(
        "--no-inspections", action="store_true", help="only sites, forms and users (what the test suites start from)"
    )
    p = add("serve", cmd_serve, help="run the HTTP API")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None, help=f"default {DEFAULT_PORT}")
    p = add("openapi", cmd_openapi, help="write the OpenAPI document")
    p.add_argument("-o", "--output")

    users = sub.add_parser("users", help="manage users").add_subparsers(dest="sub", required=True)
    p = add("add", cmd_users_add, users)
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--sites", help="site codes, comma separated")
    p.add_argument("--display-name")
    add("disable", cmd_users_disable, users).add_argument("name")
    add("enable", cmd_users_enable, users).add_argument("name")
    add("list", cmd_users_list, users).add_argument("--json", action="store_true")

    sites = sub.add_parser("sites", help="manage sites").add_subparsers(dest="sub", required=True)
    add("import", cmd_sites_import, sites).add_argument("file", help="a GeoJSON FeatureCollection")
    forms = sub.add_parser("forms", help="publish checklist forms").add_subparsers(dest="sub", required=True)
    add("publish", cmd_forms_publish, forms).add_argument("path", help="a forms folder or one YAML file")
    tokens = sub.add_parser("tokens", help="device tokens").add_subparsers(dest="sub", required=True)
    add("list", cmd_tokens_list, tokens).add_argument("--json", action="store_true")
    p = add("revoke", cmd_tokens_revoke, tokens)
    p.add_argument("name")
    p.add_argument("--device")
    bundle = sub.add_parser("bundle", help="offline bundles").add_subparsers(dest="sub", required=True)
    p = add("import", cmd_bundle_import, bundle)
    p.add_argument("file")
    p.add_argument("--reply", required=True, help="where to write the reply bundle")
    p.add_argument(
        "--vouch",
        action="store_true",
        help="import an unsigned bundle as its named user (logged; never for an administrator's bundle)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = resolve_settings(
            getattr(args, "data_dir", None),
            getattr(args, "db", None),
            host=getattr(args, "host", None),
            port=getattr(args, "port", None),
        )
        args.func(settings, args)
    except FieldKitError as exc:
        print(f"fieldkit: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
