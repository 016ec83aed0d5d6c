"""Exports read back by our own import: the same customers, orders and payments;
no formula from user text; masked numbers by default; templates with dropdowns."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import vobject

from crmdesk.domain.customer import (
    FIELDS,
    AccountType,
    ContactPerson,
    ContactRole,
    Customer,
    CustomerKind,
    Gender,
    LifecycleStatus,
    MaritalStatus,
    SourceChannel,
)
from crmdesk.domain.followups import ContactMethod, FollowUp, FollowUpState
from crmdesk.domain.import_mapping import TARGETS_BY_KEY, ImportKind, guess_mapping
from crmdesk.domain.import_rows import parse_cell
from crmdesk.domain.orders import Order, Payment, PaymentMethod
from crmdesk.domain.validation import clean_single_line, clean_text
from crmdesk.formats.reading import open_spreadsheet
from crmdesk.services import exporting, importing
from crmdesk.services.customers import save_customer
from crmdesk.services.exporting import ExportError, ExportProblem, LedgerTable
from crmdesk.storage import customers as store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import Cancelled, CustomerFile

INJECTIONS = ("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(1)", "\t=1", "\r=1")
GUARDED = ("=", "+", "-", "@", "\t", "\r")
ID_NUMBERS = ("11010519491231002X", "110105198005060010")


def _person(**overrides) -> Customer:
    values = dict(
        kind=CustomerKind.PERSONAL, name="张三", status=LifecycleStatus.LOST, source=SourceChannel.REFERRAL,
        owner="王经理", last_verified=date(2026, 3, 1), notes="第一行\n第二行，含逗号, and \"quotes\"",
        gender=Gender.FEMALE, birthday=date(1980, 5, 6), lunar_birthday="L*04-08", id_number=ID_NUMBERS[0],
        mobile="13800138000", phone="02088886666", email="zhang.san@example.com", wechat="zs_wx", qq="12345678",
        province="北京市", city="北京市", district="朝阳区", address="建国路1号院2-301",
        preferences="喜欢绿茶", usual_products="茶叶", typical_spend=123456, education="本科", school="北京大学",
        major="经济学", employer="某某研究所", job_title="研究员", career_notes="二〇一九年升职",
        marital_status=MaritalStatus.MARRIED, anniversary=date(2008, 8, 8), children="一子", hobbies="登山",
        habits="早起", personality="开朗", relationships="与李四是同学", referred_by="李四", industry="科研",
        tags=("VIP", "老客户"),
    )
    values.update(overrides)
    return Customer(**values)


def _company(**overrides) -> Customer:
    values = dict(
        kind=CustomerKind.COMPANY, name="北京顺达物流有限公司", status=LifecycleStatus.ACTIVE,
        source=SourceChannel.TRADE_FAIR, owner="赵六", last_verified=date(2026, 10, 1), notes="月底对账",
        short_name="顺达", credit_code="91350100M000100Y43", legal_representative="周八",
        registered_capital=500_000_000, founded=date(2001, 2, 3), mobile="13900139000", phone="01065529988",
        email="info@shunda.example.com", wechat="shunda", qq="87654321", province="北京市", city="北京市",
        district="顺义区", address="空港工业区A区", industry="物流", company_size="中型", ownership="民营",
        region="华北", main_products="零担运输\n整车运输", annual_revenue=12_345_678_90, employees=250,
        account_type=AccountType.MONTHLY, payment_day=25, payment_terms="月结30天", credit_limit=20_000_000,
        credit_rating="AA", tags=("物流", "重点"),
        contacts=(
            ContactPerson(name="李四", title="采购经理", role=ContactRole.PURCHASER, mobile="13700137000",
                          email="lisi@shunda.example.com", wechat="lisi_wx", is_primary=True),
        ),
    )
    values.update(overrides)
    return Customer(**values)


def _save(cf: CustomerFile, customer: Customer) -> Customer:
    result = save_customer(cf, customer)
    assert result.ok, result.errors
    return result.customer


def _fresh(tmp_path: Path, name: str = "fresh.crmdesk") -> CustomerFile:
    return CustomerFile.create(tmp_path / name)


def _comparable(customer: Customer) -> tuple:
    """Everything an export carries: every field, the kind, the tags and the primary contact person."""
    contact = customer.primary_contact
    person = (contact.name, contact.title, contact.mobile, contact.email, contact.wechat) if contact else None
    return (customer.kind, tuple(getattr(customer, f.name) for f in FIELDS), customer.tags, person)


def _by_code(cf: CustomerFile) -> dict[str, tuple]:
    customers = store.customers_by_ids(cf, store.customer_ids(cf))
    return {c.code: _comparable(c) for c in customers.values()}


@pytest.fixture
def filled(customer_file):
    _save(customer_file, _person())
    _save(customer_file, _person(name="王芳", id_number=ID_NUMBERS[1], mobile="13912345678", phone=None,
                                 lunar_birthday="L08-15", tags=()))
    _save(customer_file, _company())
    _save(customer_file, _company(name="上海远航贸易有限公司", credit_code="91110000MA01ABCD1M",
                                  mobile=None, phone="02155556666", contacts=(), tags=()))
    return customer_file


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("chinese", [True, False])
def test_customers_come_back_equal_through_our_import(filled, tmp_path, today, suffix, chinese):
    path = tmp_path / f"customers{suffix}"
    assert exporting.export_customers(filled, path, chinese=chinese, reveal=True) == 4
    with _fresh(tmp_path) as cf2:
        report = importing.import_file(cf2, path, today)
        assert (report.rows, report.created, report.errors) == (4, 4, ())
        assert _by_code(cf2) == _by_code(filled)
    again = importing.import_file(filled, path, today)
    assert (again.created, again.updated, again.errors) == (0, 0, ())


def test_a_person_and_a_company_sharing_a_phone_come_back_as_two(customer_file, tmp_path, today):
    _save(customer_file, _person(phone="01065529988"))
    _save(customer_file, _company(phone="01065529988"))
    path = tmp_path / "shared.xlsx"
    exporting.export_customers(customer_file, path, chinese=True, reveal=True)
    with _fresh(tmp_path) as cf2:
        report = importing.import_file(cf2, path, today)
        assert (report.created, report.errors) == (2, ())


def test_every_header_maps_back_to_its_field_and_the_extras_are_ignored(filled, tmp_path):
    for chinese in (True, False):
        columns, _ = exporting.customer_columns(set(CustomerKind), chinese=chinese, reveal=False)
        mapping = guess_mapping(ImportKind.CUSTOMERS, [c.header for c in columns])
        keys = [t.key for t in exporting.TARGETS[ImportKind.CUSTOMERS]]
        assert mapping == keys + [None, None]  # tier and receivable are not imported


def test_a_masked_export_reimported_changes_nothing(filled, tmp_path, today):
    path = tmp_path / "masked.xlsx"
    exporting.export_customers(filled, path, chinese=True)
    report = importing.import_file(filled, path, today)
    assert (report.created, report.updated, report.errors) == (0, 0, ())


@pytest.mark.parametrize("chinese", [True, False])
def test_orders_and_payments_come_back_equal_through_our_import(filled, tmp_path, today, chinese):
    shunda = store.customer_id_by_code(filled, "KH000003")
    zhang = store.customer_id_by_code(filled, "KH000001")
    orders = [
        Order(shunda, date(2026, 9, 1), "零担运输", 3, 123_456, cost=100_000, note="加急\n第二行", waybill="SF1001",
              origin="北京", destination="上海", pieces=12, weight_g=1_250),
        Order(shunda, date(2026, 10, 15), "整车运输", 1, 5_000_000, waybill="SF1002", weight_g=12_000_005),
        Order(zhang, date(2026, 11, 20), "茶叶", 2, 39_900),
        Order(zhang, date(2026, 11, 20), "茶叶", 2, 39_900),  # the same again: two orders, not one
    ]
    payments = [
        Payment(shunda, date(2026, 10, 1), 100_000, PaymentMethod.BANK_TRANSFER, "九月运费"),
        Payment(shunda, date(2026, 11, 1), 23_456, PaymentMethod.ACCEPTANCE),
        Payment(zhang, date(2026, 11, 21), 39_900, PaymentMethod.CASH),
        Payment(zhang, date(2026, 11, 22), 100, None),
    ]
    for order in orders:
        order_store.insert_order(filled, order)
    for payment in payments:
        order_store.insert_payment(filled, payment)
    customers = tmp_path / "customers.xlsx"
    exporting.export_customers(filled, customers, chinese=chinese, reveal=True)
    book = tmp_path / "ledger.xlsx"
    assert exporting.export_ledger(filled, book, today, chinese=chinese) == 4 + 4 + 2
    orders_csv, payments_csv = tmp_path / "orders.csv", tmp_path / "payments.csv"
    assert exporting.export_ledger(filled, orders_csv, today, chinese=chinese) == 4  # a CSV: the orders
    assert exporting.export_ledger(filled, payments_csv, today, chinese=chinese, tables=[LedgerTable.PAYMENTS]) == 4

    with open_spreadsheet(book) as sheets:
        names = [s.name for s in sheets.sheets()]
    assert names == (["订单", "回款", "应收账款"] if chinese else ["Orders", "Payments", "Receivables"])
    for order_source, payment_source in ((book, book), (orders_csv, payments_csv)):
        with _fresh(tmp_path, f"fresh-{order_source.suffix}.crmdesk") as cf2:
            importing.import_file(cf2, customers, today)
            report = importing.import_file(cf2, order_source, today)
            assert (report.created, report.errors) == (4, ())
            sheet = names[1] if payment_source.suffix == ".xlsx" else None
            report = importing.import_file(cf2, payment_source, today, sheet=sheet)
            assert (report.created, report.errors) == (4, ())
            assert _ledger(cf2) == _ledger(filled)
    # our own ledger again: nothing new
    assert importing.import_file(filled, book, today).created == 0
    assert importing.import_file(filled, payments_csv, today).created == 0


def _ledger(cf: CustomerFile) -> tuple[list, list]:
    codes = {i: c for c, i in store.code_ids(cf).items()}
    orders, payments = [], []
    for customer_id in store.customer_ids(cf):
        orders += [(codes[o.customer_id], o.order_date, o.product, o.quantity, o.amount, o.cost, o.note, o.waybill,
                    o.origin, o.destination, o.pieces, o.weight_g) for o in order_store.orders_of(cf, customer_id)]
        payments += [(codes[p.customer_id], p.paid_date, p.amount, p.method, p.note)
                     for p in order_store.payments_of(cf, customer_id)]
    return sorted(orders, key=repr), sorted(payments, key=repr)


def test_the_receivables_sheet_has_each_customers_figures_and_aging(filled, tmp_path, today):
    shunda = store.customer_id_by_code(filled, "KH000003")
    order_store.insert_order(filled, Order(shunda, date(2026, 11, 1), "运输", 1, 300_000))
    order_store.insert_order(filled, Order(shunda, date(2026, 7, 1), "运输", 1, 100_000))
    order_store.insert_payment(filled, Payment(shunda, date(2026, 11, 2), 50_000))
    path = tmp_path / "receivables.csv"
    assert exporting.export_ledger(filled, path, today, chinese=False, tables=[LedgerTable.RECEIVABLES]) == 1
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    assert rows == [
        ["Customer code", "Customer", "Billed", "Paid", "Receivable", "Credit limit", "0–30 days", "31–60 days",
         "61–90 days", "Over 90 days"],
        ["KH000003", "北京顺达物流有限公司", "4000.00", "500.00", "3500.00", "200000.00", "3000.00", "0.00", "0.00",
         "500.00"],
    ]


# ---------------------------------------------------------------- formula injection (reliability.md #8)


def _injected(cf: CustomerFile) -> None:
    """Each hostile value in every text field of a person and of a company, their orders, payments and follow-ups."""
    for i, value in enumerate(INJECTIONS):
        text = f"{value}{i}"
        person = _save(cf, Customer(
            kind=CustomerKind.PERSONAL, name=text, code=text, owner=text, notes=value, wechat=text, qq=text,
            province=text, city=text, district=text, address=text, preferences=value, usual_products=text,
            education=text, school=text, major=text, employer=text, job_title=text, career_notes=value,
            children=value, hobbies=value, habits=value, personality=value, relationships=value, referred_by=text,
            industry=text, tags=(f"+{i}", f"-{i}+1", f"@SUM({i})"),
        ))
        company = _save(cf, Customer(
            kind=CustomerKind.COMPANY, name="公司" + text, code="C" + str(i), short_name=text,
            legal_representative=text, company_size=text, ownership=text, region=text, main_products=value,
            payment_terms=text, credit_rating=text[:20], notes=value,
            contacts=(ContactPerson(name=text, title=text, wechat=text, is_primary=True),),
        ))
        line, note = clean_single_line(text), clean_text(value)  # as the window's forms store them
        for customer in (person, company):
            order_store.insert_order(cf, Order(customer.id, date(2026, 11, 1), line, 1, 100, note=note,
                                               waybill=line, origin=line, destination=line))
            order_store.insert_payment(cf, Payment(customer.id, date(2026, 11, 2), 100, note=note))
            follow_up_store.insert_follow_up(cf, FollowUp(customer.id, date(2026, 12, 1), ContactMethod.PHONE,
                                                          purpose=line, owner=line))


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_hostile_text_is_never_a_formula_and_comes_back_as_it_was(customer_file, tmp_path, today):
    _injected(customer_file)
    cf = customer_file
    files = {
        "customers": lambda p: exporting.export_customers(cf, p, chinese=True, reveal=True),
        "orders": lambda p: exporting.export_ledger(cf, p, today, chinese=True, tables=[LedgerTable.ORDERS]),
        "payments": lambda p: exporting.export_ledger(cf, p, today, chinese=True, tables=[LedgerTable.PAYMENTS]),
        "follow_ups": lambda p: exporting.export_follow_ups(cf, p, today, chinese=True),
    }
    for name, export in files.items():
        xlsx, text = tmp_path / f"{name}.xlsx", tmp_path / f"{name}.csv"
        export(xlsx)
        export(text)
        assert not re.search(r"<(\w+:)?f[ >/]", _sheet_xml(xlsx)), name
        cells = [c for row in csv.reader(io.StringIO(text.read_text("utf-8-sig"), newline="")) for c in row]
        assert not [c for c in cells if c.startswith(GUARDED)], name  # no amount here is negative
        assert {c[:2] for c in cells if c.startswith("'")} >= {"'=", "'+", "'-", "'@"}, name
    for suffix in (".xlsx", ".csv"):
        with _fresh(tmp_path, f"fresh{suffix}.crmdesk") as cf2:
            report = importing.import_file(cf2, tmp_path / f"customers{suffix}", today)
            assert (report.created, report.errors) == (len(INJECTIONS) * 2, ())
            assert _by_code(cf2) == _by_code(cf)
            for table in ("orders", "payments"):
                report = importing.import_file(cf2, tmp_path / f"{table}{suffix}", today)
                assert (report.created, report.errors) == (len(INJECTIONS) * 2, ())
            assert _ledger(cf2) == _ledger(cf)


def test_the_import_takes_off_only_the_apostrophe_our_csv_guard_added():
    target = TARGETS_BY_KEY[ImportKind.CUSTOMERS]["notes"]
    assert parse_cell(target, "'=1+2") == "=1+2"
    assert parse_cell(target, "'-5") == "-5"
    assert parse_cell(target, "'@SUM(1)") == "@SUM(1)"
    assert parse_cell(target, "'\t=1") == "\t=1"
    assert parse_cell(target, "'tis the season") == "'tis the season"
    assert parse_cell(target, "'") == "'"
    assert parse_cell(TARGETS_BY_KEY[ImportKind.ORDERS]["waybill"], "'-SF1") == "-SF1"


# ---------------------------------------------------------------- masking and control characters


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_default_exports_mask_phones_and_id_numbers(filled, tmp_path, suffix):
    path = tmp_path / f"masked{suffix}"
    exporting.export_customers(filled, path, chinese=True)
    if suffix == ".csv":
        content = path.read_text("utf-8-sig")
    else:
        with zipfile.ZipFile(path) as z:
            content = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert "138****8000" in content and "110105********002X" in content
    for secret in (*ID_NUMBERS, "13800138000", "02088886666", "01065529988", "13700137000", "13912345678"):
        assert secret not in content


def test_control_characters_in_stored_text_do_not_break_the_workbook(customer_file, tmp_path, today):
    # Stored past the input cleaning (an old file, another program): the export must still be readable.
    store.insert_customer(customer_file, Customer(kind=CustomerKind.PERSONAL, name="控制\x0b字符",
                                                  notes="a\x00b\x01c\x1fd\x7fe\x08f", address="<r>x</r>"))
    path = tmp_path / "control.xlsx"
    assert exporting.export_customers(customer_file, path, chinese=True) == 1
    openpyxl.load_workbook(path).close()
    with _fresh(tmp_path) as cf2:
        report = importing.import_file(cf2, path, today)
        assert (report.created, report.errors) == (1, ())
        customer = store.get_customer(cf2, store.customer_ids(cf2)[0])
        assert (customer.name, customer.notes, customer.address) == ("控制字符", "abcdef", "<r>x</r>")


# ---------------------------------------------------------------- which customers, progress, problems


def test_the_given_ids_are_exported_in_their_order(filled, tmp_path):
    ids = store.customer_ids(filled)
    path = tmp_path / "two.csv"
    assert exporting.export_customers(filled, path, ids=[ids[2], ids[0]], chinese=True) == 2
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["KH000003", "KH000001"]


def test_only_persons_leave_out_the_company_columns(filled, tmp_path):
    ids = [store.customer_id_by_code(filled, "KH000001")]
    path = tmp_path / "person.csv"
    exporting.export_customers(filled, path, ids=ids, chinese=True)
    header = next(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    assert "身份证号" in header and "统一社会信用代码" not in header and "联系人" not in header


def test_progress_is_reported_and_a_cancel_leaves_no_file(filled, tmp_path, monkeypatch):
    monkeypatch.setattr("crmdesk.formats.writing.PROGRESS_EVERY", 1)
    seen = []
    path = tmp_path / "progress.xlsx"
    exporting.export_customers(filled, path, chinese=True, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (4, 4) and (1, 4) in seen

    def cancel(done, total):
        raise Cancelled()

    before = path.read_bytes()
    with pytest.raises(Cancelled):
        exporting.export_customers(filled, path, chinese=False, progress=cancel)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_formats_the_export_cannot_write_are_refused(filled, tmp_path, today):
    with pytest.raises(ExportError) as e:
        exporting.export_customers(filled, tmp_path / "list.xls", chinese=True)
    assert e.value.problem is ExportProblem.UNSUPPORTED_FORMAT and e.value.params["suffix"] == ".xls"
    with pytest.raises(ExportError) as e:
        exporting.export_ledger(filled, tmp_path / "ledger.csv", today, chinese=True, tables=list(LedgerTable))
    assert e.value.problem is ExportProblem.ONE_TABLE_PER_CSV
    assert not list(tmp_path.glob("*.xls")) and not list(tmp_path.glob("*.csv"))


def test_more_rows_than_a_sheet_holds_is_refused_and_writes_nothing(filled, tmp_path, monkeypatch):
    monkeypatch.setattr("crmdesk.formats.writing.EXCEL_MAX_ROWS", 4)  # the header and three rows
    with pytest.raises(ExportError) as e:
        exporting.export_customers(filled, tmp_path / "big.xlsx", chinese=True)
    assert e.value.problem is ExportProblem.TOO_MANY_ROWS and e.value.params["limit"] == 3
    assert not [p for p in tmp_path.iterdir() if "big" in p.name]  # nor a partial file beside it


def test_follow_ups_list_every_state_with_days_overdue(filled, tmp_path, today):
    zhang = store.customer_id_by_code(filled, "KH000001")
    follow_up_store.insert_follow_up(filled, FollowUp(zhang, date(2026, 11, 20), ContactMethod.VISIT, "回访",
                                                      due_time="09:30", owner="王经理"))
    follow_up_store.insert_follow_up(filled, FollowUp(zhang, date(2026, 11, 30), ContactMethod.WECHAT, "送样品",
                                                      state=FollowUpState.CANCELLED))
    path = tmp_path / "follow-ups.csv"
    assert exporting.export_follow_ups(filled, path, today, chinese=True) == 2
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    assert rows == [
        ["客户编号", "客户名称", "到期日", "时间", "方式", "目的", "负责人", "状态", "逾期天数", "安排方式"],
        ["KH000001", "张三", "2026-11-20", "09:30", "登门拜访", "回访", "王经理", "计划中", "3", "手工安排"],
        ["KH000001", "张三", "2026-11-30", "", "微信", "送样品", "", "已取消", "", "手工安排"],
    ]


# ---------------------------------------------------------------- vCards and templates


def test_vcards_parse_and_carry_the_numbers_unmasked(filled, tmp_path):
    path = tmp_path / "contacts.vcf"
    assert exporting.export_vcards(filled, path) == 4
    cards = {card.fn.value: card for card in vobject.readComponents(path.read_text("utf-8"))}
    assert set(cards) == {"张三", "王芳", "李四", "上海远航贸易有限公司"}
    zhang = cards["张三"]
    assert [t.value for t in zhang.contents["tel"]] == ["138 0013 8000", "020 8888 6666"]
    assert zhang.org.value == ["某某研究所"] and zhang.title.value == "研究员"
    assert zhang.adr.value.street == "北京市朝阳区建国路1号院2-301" and zhang.note.value == "KH000001"
    li = cards["李四"]  # a company's card is its contact person's
    assert li.org.value == ["北京顺达物流有限公司"] and li.title.value == "采购经理"
    assert [t.value for t in li.contents["tel"]] == ["139 0013 9000", "137 0013 7000", "010 6552 9988"]
    assert cards["上海远航贸易有限公司"].org.value == ["上海远航贸易有限公司"]  # no contact: the company's name


def test_no_phone_no_card(customer_file, tmp_path):
    _save(customer_file, Customer(kind=CustomerKind.PERSONAL, name="无电话", email="a@example.com"))
    assert exporting.export_vcards(customer_file, tmp_path / "none.vcf") == 0


@pytest.mark.parametrize("kind", list(ImportKind))
@pytest.mark.parametrize("chinese", [True, False])
def test_templates_have_dropdowns_and_import_as_nothing(customer_file, tmp_path, today, kind, chinese):
    path = tmp_path / f"template-{kind.value}.xlsx"
    assert exporting.write_template(path, kind, chinese=chinese) == 0
    xml = _sheet_xml(path)
    choices = [c.header for c in exporting.template_columns(kind, chinese=chinese) if c.choices]
    assert xml.count("<dataValidation ") == len(choices)  # orders have no choice column
    assert bool(choices) is (kind is not ImportKind.ORDERS)
    with open_spreadsheet(path) as book:
        sheets = book.sheets()
        header = book.read().rows[0]
    assert [s.hidden for s in sheets][:2] == [False, False]  # the data, then the instructions
    assert guess_mapping(kind, header) == [t.key for t in exporting.template_targets(kind)]
    report = importing.import_file(customer_file, path, today)
    assert (report.rows, report.created, report.errors) == (0, 0, ())
    text = tmp_path / f"template-{kind.value}.csv"
    exporting.write_template(text, kind, chinese=chinese)
    assert importing.import_file(customer_file, text, today, kind=kind).rows == 0


def test_a_filled_in_template_imports(customer_file, tmp_path, today):
    path = tmp_path / "template.xlsx"
    exporting.write_template(path, ImportKind.CUSTOMERS, chinese=True)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    row = {"客户类型": "企业", "客户名称*": "杭州新叶茶业有限公司", "手机": "13800138000", "联系人": "钱七",
           "客户状态": "潜在客户", "结算方式": "月结", "授信额度": 5000}
    for column, value in row.items():
        sheet.cell(2, headers.index(column) + 1, value)
    book.save(path)
    report = importing.import_file(customer_file, path, today)
    assert (report.created, report.errors) == (1, ())
    customer = store.get_customer(customer_file, store.customer_ids(customer_file)[0])
    assert (customer.kind, customer.status, customer.account_type, customer.credit_limit,
            customer.contacts[0].name) == (CustomerKind.COMPANY, LifecycleStatus.PROSPECT, AccountType.MONTHLY,
                                          500_000, "钱七")
