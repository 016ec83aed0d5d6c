"""The command line: thin verbs over the services, no Qt imported.

Exit codes: 0 done, 1 the file or the data has a problem, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import json
import os
import sys
from datetime import date
from pathlib import Path

from crmdesk import __version__
from crmdesk.cli.messages import text
from crmdesk.domain.dates import DateError, parse_date
from crmdesk.storage.customer_file import FileProblem, FileProblemError, WriteError, WriteProblem, is_encrypted

# Each verb imports the services it needs when it runs: `customers --search`
# is timed from process start, and the demo generator's tables are not free.

# Verbs of the sales and marketing side live in modules of their own
# (crmdesk.cli.NAME: add_parser(verbs) and run(args)).
VERB_MODULES: tuple[str, ...] = ("pipeline", "campaigns", "suggest", "targets")
VERBS = ("new", "check", "customers", "demo", "ledger", "tiers", "churn", "alerts", "followups", "complaints",
         "report", "import", "imports", "export", "backup", "backups", "restore", "encrypt", "decrypt",
         "password", *VERB_MODULES)
# Verbs whose output is drawn (PDF, PNG): Qt and matplotlib do it, so the
# handler comes from crmdesk.app through main(renderers=...), never imported here.
RENDERING_VERBS = ("report",)
EXPORT_KINDS = ("customers", "ledger", "orders", "payments", "receivables", "follow-ups", "vcard", "template")


def _today(value: str) -> date:
    try:
        return parse_date(value)
    except DateError as e:
        raise argparse.ArgumentTypeError(f"not a date: {value}") from e


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=_today, default=None, help="YYYY-MM-DD (default: today)")


def _month(value: str):
    from crmdesk.domain.orders import Period, PeriodKind

    try:
        period = Period.parse(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a month: {value} (YYYY-MM)") from e
    if period.kind is not PeriodKind.MONTH:
        raise argparse.ArgumentTypeError(f"not a month: {value} (YYYY-MM)")
    return period


def today_of(args: argparse.Namespace) -> date:
    """The one place a wall-clock date enters: the user's command, when --today is not given."""
    return args.today or date.today()


def _decimal(fen: int | None) -> str | None:
    """Money in JSON: a decimal string with two places ("1234.50")."""
    from crmdesk.domain.money import fen_to_decimal

    return None if fen is None else str(fen_to_decimal(fen))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crmdesk", description="crmdesk customer files")
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True)

    p = verbs.add_parser("new", help="create an empty customer file")
    p.add_argument("file", type=Path)

    p = verbs.add_parser("check", help="check a file without changing it (quick_check; --full: integrity_check)")
    p.add_argument("file", type=Path)
    p.add_argument("--full", action="store_true",
                   help="every page and index (integrity_check) and every reference (foreign_key_check), "
                        "then the customers and the last change")

    p = verbs.add_parser("backup", help="a verified copy of the file: into the automatic backup folder "
                                        "(thinned by day, week and month), or --to a folder of your choice")
    p.add_argument("file", type=Path)
    p.add_argument("--to", type=Path, metavar="DIR", help="a folder (a USB stick, a sync folder); never thinned")

    p = verbs.add_parser("backups", help="the backups crmdesk knows of for a file, newest first")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="JSON list of objects")

    p = verbs.add_parser("restore", help="put a backup in the place of a file; the file it replaces is kept "
                                         "beside it as NAME.before-restore.TIME.crmdesk")
    p.add_argument("backup", type=Path)
    p.add_argument("file", type=Path)

    p = verbs.add_parser("encrypt", help="encrypt the file (SQLCipher) under a new password; prints the recovery "
                                         "key once. Passwords: CRMDESK_NEW_PASSWORD, or asked in a terminal")
    p.add_argument("file", type=Path)

    p = verbs.add_parser("decrypt", help="store an encrypted file in plain again (its backups stay encrypted)")
    p.add_argument("file", type=Path)

    p = verbs.add_parser("password", help="change an encrypted file's password, or set a plain file's app "
                                          "password (a deterrent only: the file stays readable)")
    p.add_argument("file", type=Path)
    p.add_argument("--remove", action="store_true", help="remove a plain file's app password")

    p = verbs.add_parser("customers", help="list the customers that match")
    p.add_argument("file", type=Path)
    p.add_argument("--search", default="", help="name, pinyin (zs, zhangsan), phone, code")
    p.add_argument("--json", action="store_true", help="JSON list of objects")
    p.add_argument("--reveal", action="store_true", help="show phone numbers unmasked")

    p = verbs.add_parser("ledger", help="receivables per customer: billed, paid, owed, aging")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--json", action="store_true", help="JSON list of objects, money as decimal strings")

    p = verbs.add_parser("tiers", help="ABC/VIP tiers and RFM scores by the file's tier window and percentages")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--json", action="store_true", help="JSON list of objects, money as decimal strings")

    p = verbs.add_parser("churn", help="churn risk and expected value (BG/NBD with Gamma-Gamma)")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--weeks", type=float, default=52, help="expectation horizon in weeks (default 52)")
    p.add_argument("--json", action="store_true", help="fitted parameters and one object per customer")

    p = verbs.add_parser("alerts", help="every alert: over credit limit, behind plan, churn risk, occasions ...")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--all", action="store_true", help="include dismissed and snoozed alerts")
    p.add_argument("--json", action="store_true", help="JSON list of objects, money as decimal strings")

    p = verbs.add_parser("followups", help="follow-ups due today or overdue, oldest first")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--json", action="store_true", help="JSON list of objects")
    p.add_argument("--ics", type=Path, metavar="OUT",
                   help="instead, write the planned follow-ups (overdue and the next --days days) as an "
                        "iCalendar file; exporting again updates the entries instead of duplicating them")
    p.add_argument("--days", type=int, default=90, help="how far ahead --ics looks (default 90)")
    p.add_argument("--generate", action="store_true",
                   help="first plan the cadence follow-ups (call-backs by tier, quarterly reviews, feedback, "
                        "3/30/90-day touchpoints) by the file's settings; never makes one twice")

    p = verbs.add_parser("complaints", help="open complaints, VIP first, then by the nearest deadline; "
                                            "escalated ones are past a deadline set by tier (File settings)")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--json", action="store_true", help="JSON list of objects")

    p = verbs.add_parser("report", help="write the monthly summary (PDF) and every chart (PNG) into a folder")
    p.add_argument("file", type=Path)
    _add_today(p)
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder (made if missing)")
    p.add_argument("--month", type=_month, default=None,
                   help="YYYY-MM (default: the last whole month before --today); the charts cover the "
                        "twelve months up to its end")
    p.add_argument("--owner", default=None, help="only this owner's customers")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="language (default: the system's)")

    p = verbs.add_parser("import", help="import customers, orders or payments from an .xlsx or .csv ledger, "
                                        "in one transaction; prints the row-by-row report")
    p.add_argument("file", type=Path)
    p.add_argument("src", type=Path, metavar="SRC", help=".xlsx or .csv (UTF-8, with or without BOM, or GBK)")
    p.add_argument("--kind", choices=("customers", "orders", "payments"), default=None,
                   help="what the rows are (default: guessed from the headers)")
    p.add_argument("--sheet", default=None, help="the sheet's name (default: the first visible one)")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.add_argument("--json", action="store_true",
                   help="the report as JSON: rows, created, updated, skipped, errors [{row, column, code, message}]")
    _add_today(p)

    p = verbs.add_parser("imports", help="earlier imports, newest first; --revert takes one back as a whole")
    p.add_argument("file", type=Path)
    p.add_argument("--revert", type=int, metavar="ID", default=None, help="revert the import with this id")
    p.add_argument("--json", action="store_true", help="JSON list of objects")

    p = verbs.add_parser("export", help="write the customers, the ledger, the follow-ups, vCards or an import "
                                        "template to .xlsx, .csv or .vcf (by OUT's suffix); an existing OUT is "
                                        "replaced, and only once the new file is complete")
    p.add_argument("file", type=Path)
    p.add_argument("out", type=Path, metavar="OUT", help=".xlsx, .csv (UTF-8 with BOM) or .vcf")
    p.add_argument("--kind", choices=EXPORT_KINDS, default=None,
                   help="what to write (default: customers; vcard for a .vcf). ledger: orders, payments and "
                        "receivables as three sheets of an .xlsx; a .csv holds one table, so write orders, "
                        "payments or receivables to it. template: an empty import template (FILE is not read)")
    p.add_argument("--template-for", choices=("customers", "orders", "payments"), default="customers",
                   help="with --kind template: the import the template is for (default customers)")
    p.add_argument("--search", default="", help="only the customers that match, as `crmdesk customers --search` "
                                                "(and their ledger, follow-ups)")
    p.add_argument("--reveal", action="store_true",
                   help="ID numbers and phone numbers unmasked (masked by default; vCards always carry them)")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None,
                   help="language of the headers and words (default: the system's); our import reads either")
    _add_today(p)

    p = verbs.add_parser("demo", help="write a reproducible demo file")
    p.add_argument("out", type=Path)
    p.add_argument("--customers", type=int, default=200)
    p.add_argument("--orders", type=int, default=None, help="about this many orders (default: 10 per customer)")
    p.add_argument("--seed", type=int, default=1)
    _add_today(p)
    for name in VERB_MODULES:
        _verb_module(name).add_parser(verbs)
    return parser


def _verb_module(name: str):
    return importlib.import_module(f"crmdesk.cli.{name}")


def main(argv: list[str], renderers: dict | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = (renderers or {}).get(args.verb) or _HANDLERS.get(args.verb)
    if args.verb in VERB_MODULES:
        handler = _verb_module(args.verb).run
    if handler is None:
        print(f"crmdesk {args.verb}: needs the window's libraries (run it as `crmdesk {args.verb}`)", file=sys.stderr)
        return 2
    try:
        _unlock(args)
        return handler(args)
    except FileProblemError as e:
        print(text(e.problem.value, path=e.path, **e.params), file=sys.stderr)
        return 1
    except WriteError as e:
        print(text(e.problem.value, detail=e.detail), file=sys.stderr)
        return 1
    except _Refused as e:
        print(text(str(e)), file=sys.stderr)
        return 1
    except BrokenPipeError:  # `crmdesk ledger FILE | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


PASSWORD_VARIABLE = "CRMDESK_PASSWORD"  # a password or recovery key, for scripts
NEW_PASSWORD_VARIABLE = "CRMDESK_NEW_PASSWORD"


def _secret(variable: str, prompt: str, *, confirm: bool = False) -> str | None:
    """From the environment, else asked without echo in a terminal (None: no way to ask)."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        return None
    import getpass

    value = getpass.getpass(text(prompt))
    if confirm and getpass.getpass(text("password_again")) != value:
        raise _Refused("passwords_differ")
    return value


class _Refused(Exception):
    """A verb refused before touching anything; the message key says why."""


def _unlock(args: argparse.Namespace) -> None:
    """Encrypted files named on the command line are unlocked before the verb runs
    (told by their first bytes: a plain file costs no connection and no imports)."""
    for path in (getattr(args, "backup", None), getattr(args, "file", None)):
        if path is None or not is_encrypted(path):
            continue
        from crmdesk.services import protection

        secret = _secret(PASSWORD_VARIABLE, "password_prompt")
        if secret is None:
            raise FileProblemError(FileProblem.ENCRYPTED, Path(path))
        protection.unlock(path, secret)
        args.secret = secret  # `password` proves it again to change it


def _new_password() -> str:
    from crmdesk.services import protection

    password = _secret(NEW_PASSWORD_VARIABLE, "new_password_prompt", confirm=True)
    if password is None:
        raise _Refused("new_password_needed")
    if protection.password_problem(password):
        raise _Refused("password_too_short")
    return password


def _encrypt(args: argparse.Namespace) -> int:
    from datetime import datetime

    from crmdesk.services import protection

    if is_encrypted(args.file):
        print(text("already_encrypted", path=args.file), file=sys.stderr)
        return 1
    done = protection.encrypt(args.file, _new_password(), datetime.now())
    print(text("encrypted_done", path=args.file, recovery_key=done.recovery_key,
               removed=done.plain_backups_removed))
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    from crmdesk.services import protection

    if not is_encrypted(args.file):
        print(text("not_encrypted", path=args.file), file=sys.stderr)
        return 1
    protection.decrypt(args.file)
    print(text("decrypted", path=args.file))
    return 0


def _password(args: argparse.Namespace) -> int:
    from crmdesk.services import protection
    from crmdesk.services.files import open_file

    if is_encrypted(args.file):
        if args.remove:
            print(text("password_of_encrypted"), file=sys.stderr)
            return 1
        protection.change_password(args.file, args.secret, _new_password())
        print(text("password_changed", path=args.file))
        return 0
    with open_file(args.file) as cf:
        protection.set_app_password(cf, None if args.remove else _new_password())
    print(text("password_removed" if args.remove else "app_password_set", path=args.file))
    return 0


def _new(args: argparse.Namespace) -> int:
    from crmdesk.services.files import new_file

    cf = new_file(args.file)
    cf.close()
    print(text("created", path=cf.path))
    return 0


def _check(args: argparse.Namespace) -> int:
    from crmdesk.services.files import check_file

    result = check_file(args.file, full=args.full)
    if not result.ok:
        print(text(result.problem.value, path=args.file, **(result.params or {})))
        return 1
    print(text("ok"))
    if args.full:
        print(text("check_details", customers=result.customers, last_change=result.last_change or "-"))
    return 0


def _backup(args: argparse.Namespace) -> int:
    from datetime import datetime

    from crmdesk.services.backups import automatic_folder, back_up
    from crmdesk.services.files import open_file

    try:
        with open_file(args.file, read_only=True) as cf:
            made = back_up(cf, datetime.now(), to=args.to)  # local time: the name a person reads
    except (OSError, WriteError) as e:
        # A full disk or a folder that cannot be written: the half-written copy is
        # already deleted, so say that no backup was made (not a traceback).
        folder = args.to or automatic_folder(args.file)
        if _disk_full(e):
            print(text("backup_disk_full", path=folder), file=sys.stderr)
        elif isinstance(e, OSError):
            print(text("backup_failed", path=folder, detail=e.strerror or str(e)), file=sys.stderr)
        else:
            raise  # a failed check, read-only, ...: worded by main()
        return 1
    print(text("backed_up", path=made.path, size=_size(made.size)))
    return 0


_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # a full disk, or the user's quota


def _disk_full(error: BaseException) -> bool:
    """A full disk, as the OS or the storage layer reports it."""
    if isinstance(error, WriteError):
        return error.problem is WriteProblem.DISK_FULL
    return isinstance(error, OSError) and error.errno in _DISK_FULL_ERRNOS


def _backups(args: argparse.Namespace) -> int:
    from crmdesk.services.backups import backup_list

    return _print_rows(
        args, backup_list(args.file),
        lambda r: {"path": str(r.backup.path), "taken_at": r.backup.taken_at.isoformat(sep=" "),
                   "size": r.backup.size, "before_migration": r.backup.before_migration,
                   "customers": r.details and r.details.customers, "last_change": r.details and r.details.last_change,
                   "problem": r.problem and r.problem.value},
        lambda r: "\t".join([r.backup.taken_at.isoformat(sep=" "), _size(r.backup.size),
                             text("damaged") if r.details is None else str(r.details.customers),
                             str(r.backup.path)]),
        "no_backups",
    )


def _restore(args: argparse.Namespace) -> int:
    from datetime import datetime

    from crmdesk.services.backups import restore
    from crmdesk.storage.file_lock import FileLockedError

    try:
        aside = restore(args.backup, args.file, datetime.now())
    except FileLockedError as e:
        print(text("in_use", path=args.file, pid=e.holder.pid or "?", host=e.holder.host or "?"), file=sys.stderr)
        return 1
    print(text("restored", path=args.file, backup=args.backup, aside=aside))
    return 0


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size / 2**10:.0f} KiB"


def _customers(args: argparse.Namespace) -> int:
    from crmdesk.domain.customer import mask_phone
    from crmdesk.services.customers import find_customers
    from crmdesk.services.files import reading
    from crmdesk.storage.customers import CustomerQuery

    with reading(args.file) as cf:
        rows = find_customers(cf, CustomerQuery(text=args.search))
    show = (lambda p: p or "") if args.reveal else mask_phone
    kinds = {kind: text(kind.value) for kind in {r.kind for r in rows}}
    return _print_rows(
        args,
        rows,
        lambda r: {
            "code": r.code,
            "name": r.name,
            "type": r.kind.value,
            "phone": show(r.phone),
            "status": r.status.value,
            "province": r.province,
            "city": r.city,
            "owner": r.owner,
        },
        lambda r: "\t".join((r.code, r.name, kinds[r.kind], show(r.phone), r.city or "")),
        "no_match",
    )


def _print_rows(args, rows, as_object, as_line, nothing: str) -> int:
    """JSON (a list of objects) with --json, else one tab-separated line per row."""
    if args.json:
        json.dump([as_object(r) for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif not rows:
        print(text(nothing))
    else:
        sys.stdout.writelines(as_line(r) + "\n" for r in rows)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from crmdesk.services.demo import write_demo_file

    if args.orders is None:
        args.orders = 10 * args.customers
    today = today_of(args)
    path = write_demo_file(args.out, customers=args.customers, seed=args.seed, today=today, orders=args.orders,
                           follow_ups=True)
    print(text("demo_written", count=args.customers, orders=args.orders, path=path))
    return 0


def _ledger(args: argparse.Namespace) -> int:
    from crmdesk.domain.money import format_money
    from crmdesk.domain.orders import over_limit
    from crmdesk.services.files import reading
    from crmdesk.services.ledger import ledger

    today = today_of(args)
    with reading(args.file) as cf:
        rows = ledger(cf, today)

    return _print_rows(
        args,
        rows,
        lambda r: {
            "code": r.code,
            "name": r.name,
            "billed": _decimal(r.billed),
            "paid": _decimal(r.paid),
            "receivable": _decimal(r.receivable),
            "credit_limit": _decimal(r.credit_limit),
            "over_limit": over_limit(r.receivable, r.credit_limit),
            "days_0_30": _decimal(r.aging.days_0_30),
            "days_31_60": _decimal(r.aging.days_31_60),
            "days_61_90": _decimal(r.aging.days_61_90),
            "days_over_90": _decimal(r.aging.days_over_90),
        },
        lambda r: "\t".join((r.code, r.name, format_money(r.billed), format_money(r.paid),
                             format_money(r.receivable) + (" !" if over_limit(r.receivable, r.credit_limit) else ""))),
        "no_ledger",
    )


def _tiers(args: argparse.Namespace) -> int:
    from crmdesk.domain.money import format_money
    from crmdesk.services.files import reading
    from crmdesk.services.tiering import compute_tiers

    today = today_of(args)
    with reading(args.file) as cf:
        rows = compute_tiers(cf, today)  # the file's window and percentages (File settings)
    return _print_rows(
        args,
        rows,
        lambda r: {
            "code": r.code,
            "name": r.name,
            "tier": r.tier.tier.value,
            "total": _decimal(r.tier.total),
            "rank": r.tier.rank,
            "r": r.rfm.r if r.rfm else None,
            "f": r.rfm.f if r.rfm else None,
            "m": r.rfm.m if r.rfm else None,
            "segment": r.rfm.segment.value if r.rfm else None,
        },
        lambda r: "\t".join((r.code, r.name, r.tier.tier.value, format_money(r.tier.total),
                             f"{r.tier.rank or '-'}/{r.tier.n}",
                             f"{r.rfm.r}{r.rfm.f}{r.rfm.m} {r.rfm.segment.value}" if r.rfm else "")),
        "no_match",
    )


def _churn(args: argparse.Namespace) -> int:
    from crmdesk.domain.churn import ChurnFitError
    from crmdesk.domain.money import format_money
    from crmdesk.services.churn import fit_churn
    from crmdesk.services.files import reading

    today = today_of(args)
    try:
        with reading(args.file) as cf:
            result = fit_churn(cf, today, args.weeks)
    except ChurnFitError as e:
        print(text(f"churn_{e.code}"), file=sys.stderr)
        return 1
    b, g = result.bgnbd, result.gamma_gamma
    if args.json:
        json.dump({
            "bgnbd": {"r": b.r, "alpha": b.alpha, "a": b.a, "b": b.b, "loglik": b.loglik},
            "gamma_gamma": {"p": g.p, "q": g.q, "gamma": g.v},
            "weeks": result.horizon_weeks,
            "customers": [
                {"code": c.code, "p_alive": round(c.p_alive, 6),
                 "expected_purchases": round(c.expected_purchases, 6),
                 "expected_value": _decimal(c.expected_value)}
                for c in result.customers
            ],
        }, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"BG/NBD r={b.r:.4f} alpha={b.alpha:.4f} a={b.a:.4f} b={b.b:.4f} loglik={b.loglik:.2f}; "
          f"Gamma-Gamma p={g.p:.4f} q={g.q:.4f} gamma={g.v:.4f}")
    sys.stdout.writelines(
        f"{c.code}\t{c.p_alive:.3f}\t{c.expected_purchases:.2f}\t{format_money(c.expected_value)}\n"
        for c in result.customers
    )
    return 0


def _alerts(args: argparse.Namespace) -> int:
    from crmdesk.domain.alerts import MONEY_NUMBERS
    from crmdesk.services.alerts import churn_scores, compute_alerts
    from crmdesk.services.files import reading
    from crmdesk.storage import file_settings

    today = today_of(args)
    with reading(args.file) as cf:
        scores = churn_scores(cf, today)
        if isinstance(scores, str):  # the model could not be fitted: say why, go on without scores
            print(text(f"churn_{scores}") + " " + text("alerts_without_churn"), file=sys.stderr)
            scores = None
        rows = compute_alerts(cf, today, file_settings.alert_rules(cf), p_alive=scores)
    if not args.all:
        rows = [r for r in rows if not r.hidden(today)]

    def numbers(r) -> dict:
        return {k: _decimal(v) if k in MONEY_NUMBERS else v for k, v in r.alert.numbers.items()}

    return _print_rows(
        args,
        rows,
        lambda r: {
            "kind": r.alert.kind.value, "code": r.code, "name": r.name, "owner": r.owner,
            "severity": r.alert.severity.name.lower(), "action": r.alert.action.value, "key": r.alert.key,
            "state": r.state.state.value if r.state else None, **numbers(r),
        },
        lambda r: "\t".join((r.alert.severity.name.lower(), r.alert.kind.value, r.code, r.name,
                             " ".join(f"{k}={v}" for k, v in numbers(r).items()))),
        "no_alerts",
    )


def _followups(args: argparse.Namespace) -> int:
    from crmdesk.services.files import reading
    from crmdesk.services.followups import due

    today = today_of(args)
    if args.generate:
        from crmdesk.services.cadence import generate_follow_ups
        from crmdesk.services.files import open_file
        from crmdesk.services.tiering import recompute_tiers

        with open_file(args.file) as cf:
            recompute_tiers(cf, today)  # call-backs go by tier, as opening the file in the window does
            print(text("follow_ups_generated", count=generate_follow_ups(cf, today)), file=sys.stderr)
    if args.ics is not None:
        from datetime import datetime, timezone

        from crmdesk.services.ical_export import export_follow_ups

        with reading(args.file) as cf:
            count = export_follow_ups(cf, args.ics, today, days_ahead=max(args.days, 0),
                                      now=datetime.now(timezone.utc))  # DTSTAMP: when it was exported
        print(text("ics_written", count=count, path=args.ics))
        return 0
    with reading(args.file) as cf:
        rows = due(cf, today)
    return _print_rows(
        args,
        rows,
        lambda r: {
            "code": r.code, "name": r.name, "due": r.follow_up.due_date.isoformat(), "time": r.follow_up.due_time,
            "method": r.follow_up.method.value, "purpose": r.follow_up.purpose, "owner": r.follow_up.owner,
            "state": r.follow_up.state.value, "days_overdue": r.follow_up.overdue_days(today),
            "uid": r.follow_up.uid,
        },
        lambda r: "\t".join((r.follow_up.due_date.isoformat(), r.follow_up.due_time or "", r.code, r.name,
                             r.follow_up.method.value, r.follow_up.purpose)),
        "no_follow_ups",
    )


def _complaints(args: argparse.Namespace) -> int:
    from crmdesk.services.complaints import open_complaint_lines
    from crmdesk.services.files import reading

    today = today_of(args)
    with reading(args.file) as cf:
        rows = open_complaint_lines(cf, today)

    def deadline(r) -> str | None:
        return r.deadline.isoformat() if r.deadline else None

    return _print_rows(
        args,
        rows,
        lambda r: {
            "id": r.complaint.id, "code": r.code, "name": r.name,
            "received": r.complaint.received_date.isoformat(), "time": r.complaint.received_time,
            "channel": r.complaint.channel.value, "category": r.complaint.category.value,
            "nature": r.complaint.nature.value, "priority": r.complaint.priority.value,
            "state": r.complaint.state.value, "owner": r.complaint.owner,
            "deadline": deadline(r), "stage": r.status.stage.value if r.status.stage else None,
            "escalated": r.escalated, "days_overdue": r.status.days_overdue,
            "response_deadline": r.status.response_deadline.isoformat(),
            "resolution_deadline": r.status.resolution_deadline.isoformat(),
            "description": r.complaint.description, "uid": r.complaint.uid,
        },
        lambda r: "\t".join((r.complaint.priority.value, deadline(r) or "", "!" if r.escalated else "", r.code,
                             r.name, r.complaint.category.value, r.complaint.nature.value,
                             r.complaint.description.replace("\n", " ")[:60])),
        "no_complaints",
    )


def _import(args: argparse.Namespace) -> int:
    from crmdesk.domain.import_mapping import TARGETS_BY_KEY, ImportKind
    from crmdesk.formats.reading import ReadError
    from crmdesk.services.files import open_file
    from crmdesk.services.importing import MissingColumns, import_file
    from crmdesk.cli.messages import chinese, error_text

    kind = ImportKind(args.kind) if args.kind else None
    try:
        with open_file(args.file) as cf:
            result = import_file(cf, args.src, today_of(args), kind=kind, sheet=args.sheet, dry_run=args.dry_run)
    except ReadError as e:
        print(text(f"read_{e.problem.value}", path=args.src, **e.params), file=sys.stderr)
        return 1
    except MissingColumns as e:
        targets = TARGETS_BY_KEY[e.layout.kind]
        names = " / ".join(
            "|".join(targets[k].header(chinese()) for k in sorted(need)) for need in e.layout.missing
        )
        print(text("import_missing_columns", path=args.src, columns=names), file=sys.stderr)
        return 1
    errors = [
        {"row": e.row, "column": e.column, "code": e.code.value, "message": error_text(e.code.value, e.params)}
        for e in result.errors
    ]
    if args.json:
        json.dump({
            "rows": result.rows, "created": result.created, "updated": result.updated,
            "skipped": result.skipped, "errors": errors, "dry_run": args.dry_run,
            "import_id": result.operation_id,
        }, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    sys.stdout.writelines(f"{e['row']}\t{e['column']}\t{e['message']}\n" for e in errors)
    print(text("import_done", rows=result.rows, created=result.created, updated=result.updated,
               skipped=result.skipped, errors=len({e["row"] for e in errors})))
    if args.dry_run:
        print(text("import_dry"))
    return 0


def _imports(args: argparse.Namespace) -> int:
    from crmdesk.services.files import open_file, reading
    from crmdesk.services.importing import history, revert

    if args.revert is not None:
        with open_file(args.file) as cf:
            done = revert(cf, args.revert)
        print(text("import_reverted", customers=done.customers, restored=done.restored, orders=done.orders,
                   payments=done.payments, kept=len(done.kept)))
        return 0
    with reading(args.file) as cf:
        rows = history(cf)
    return _print_rows(
        args,
        rows,
        lambda op: {"id": op.id, "at": op.at, "actor": op.actor, "source": op.label, "reverted": op.undone,
                    **{k: v for k, v in op.summary.items() if k in ("kind", "sheet", "rows", "create", "update",
                                                                     "skip", "error")}},
        lambda op: "\t".join((str(op.id), op.at[:19].replace("T", " "), op.label,
                              " ".join(f"{k}={v}" for k, v in op.summary.items() if k != "sheet"),
                              "reverted" if op.undone else "")),
        "no_imports",
    )


def _export(args: argparse.Namespace) -> int:
    from crmdesk.cli.messages import chinese
    from crmdesk.domain.import_mapping import ImportKind
    from crmdesk.services import exporting
    from crmdesk.services.exporting import LEDGER_TABLES, ExportError, ExportProblem, LedgerTable
    from crmdesk.services.files import reading
    from crmdesk.storage.customers import CustomerQuery, customer_ids

    kind = args.kind or ("vcard" if args.out.suffix.lower() == ".vcf" else "customers")
    zh = chinese() if args.lang is None else args.lang == "zh_CN"
    today = today_of(args)
    try:
        if kind == "template":
            exporting.write_template(args.out, ImportKind(args.template_for), chinese=zh)
            print(text("template_written", path=args.out))
            return 0
        with reading(args.file) as cf:
            ids = customer_ids(cf, CustomerQuery(text=args.search)) if args.search else None
            if kind == "customers":
                count = exporting.export_customers(cf, args.out, ids=ids, chinese=zh, reveal=args.reveal)
            elif kind == "vcard":
                count = exporting.export_vcards(cf, args.out, ids=ids)
            elif kind == "follow-ups":
                count = exporting.export_follow_ups(cf, args.out, today, chinese=zh, ids=ids)
            else:
                tables = LEDGER_TABLES if kind == "ledger" else (LedgerTable(kind),)
                count = exporting.export_ledger(cf, args.out, today, chinese=zh, ids=ids, tables=tables)
    except ExportError as e:
        params = {k: ", ".join(v) if isinstance(v, tuple) else v for k, v in e.params.items()}
        print(text(f"export_{e.problem.value}", path=args.out, **params), file=sys.stderr)
        return 1 if e.problem is ExportProblem.TOO_MANY_ROWS else 2
    except OSError as e:  # no such folder, no permission, disk full: nothing was written
        if _disk_full(e):
            print(text("export_disk_full", path=args.out), file=sys.stderr)
        else:
            print(text("export_failed", path=args.out, detail=e.strerror or str(e)), file=sys.stderr)
        return 1
    print(text("vcards_written" if kind == "vcard" else "exported", count=count, path=args.out))
    return 0


_HANDLERS = {
    "new": _new, "check": _check, "customers": _customers, "demo": _demo, "ledger": _ledger, "tiers": _tiers,
    "churn": _churn, "alerts": _alerts, "followups": _followups, "complaints": _complaints,
    "import": _import, "imports": _imports, "export": _export, "backup": _backup, "backups": _backups,
    "restore": _restore, "encrypt": _encrypt, "decrypt": _decrypt, "password": _password,
}
