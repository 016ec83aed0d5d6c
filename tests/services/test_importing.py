"""Importing ledgers: preview before writing, one transaction, same file twice, revert."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.customer import CustomerKind
from crmdesk.domain.import_mapping import ImportKind
from crmdesk.domain.import_rows import SkipReason
from crmdesk.domain.orders import Payment
from crmdesk.services import importing
from crmdesk.services.importing import RowAction
from crmdesk.storage import customers as store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import Cancelled
from tests import ledger_files
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def _preview(cf, path, kind=None, sheet=None):
    data = importing.read_sheet(path, sheet)
    layout = importing.guess_layout(cf, data, kind)
    return importing.preview(cf, data, layout, TODAY, source=path.name)


def _errors(result):
    report = importing.report(result)
    found: dict[int, list] = {}
    for e in report.errors:
        found.setdefault(e.row, []).append((e.column, e.code.value))
    return found


def _names(cf):
    return sorted(r.name for r in store.matching_rows(cf))


def test_a_good_ledger_previews_then_imports_every_row(customer_file, tmp_path):
    path = ledger_files.good_xlsx(tmp_path / "ledger.xlsx")
    result = _preview(customer_file, path)
    assert result.header_row == 1  # under the merged title row
    assert [(r.number, r.action) for r in result.rows] == [
        (3, RowAction.CREATE), (4, RowAction.CREATE), (5, RowAction.CREATE), (6, RowAction.SKIP),
    ]
    assert result.rows[-1].skip is SkipReason.TOTAL_ROW
    assert store.customer_count(customer_file) == 0  # nothing written by the preview
    report = importing.commit(customer_file, result)
    assert (report.rows, report.created, report.updated, report.skipped, report.errors) == (4, 3, 0, 1, ())
    zhang = store.get_customer(customer_file, store.customer_id_by_code(customer_file, "KH000001"))
    assert (zhang.name, zhang.mobile, zhang.id_number, zhang.birthday, zhang.typical_spend) == (
        "张三", "13800138000", "11010519491231002X", date(1980, 5, 6), 500000)
    assert _names(customer_file) == ["张三", "李四", "王五"]


def test_every_trouble_is_reported_by_row_column_and_code(customer_file, tmp_path):
    path = ledger_files.troubled_xlsx(tmp_path / "troubled.xlsx")
    result = _preview(customer_file, path)
    assert result.sheet == "客户台账"  # the hidden first sheet is passed over
    assert _errors(result) == ledger_files.TROUBLED_ERRORS
    assert [r.number for r in result.rows if r.action is RowAction.CREATE] == [3]
    assert [r.skip for r in result.rows if r.action is RowAction.SKIP] == [SkipReason.TOTAL_ROW]
    report = importing.commit(customer_file, result)
    assert (report.created, report.skipped, len({e.row for e in report.errors})) == (1, 1, 7)
    assert _names(customer_file) == ["张三"]  # only the valid row


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_every_encoding_excel_writes(customer_file, tmp_path, encoding):
    path = ledger_files.csv_file(tmp_path / "ledger.csv", encoding)
    report = importing.commit(customer_file, _preview(customer_file, path))
    assert report.created == 3
    assert _names(customer_file) == ["张三", "李四", "王五"]
    li = store.get_customer(customer_file, store.customer_id_by_code(customer_file, "KH000002"))
    assert li.birthday == date(1985, 3, 1)


def test_importing_the_same_file_twice_creates_nothing_new(customer_file, tmp_path):
    path = ledger_files.good_xlsx(tmp_path / "ledger.xlsx")
    importing.commit(customer_file, _preview(customer_file, path))
    second = _preview(customer_file, path)
    assert [r.action for r in second.rows] == [RowAction.SKIP] * 4
    assert [r.skip for r in second.rows[:3]] == [SkipReason.UNCHANGED] * 3
    report = importing.commit(customer_file, second)
    assert (report.created, report.updated, report.operation_id) == (0, 0, None)
    assert store.customer_count(customer_file) == 3


def test_a_row_matching_a_stored_customer_updates_it(customer_file, tmp_path):
    # 张三 already here with another name spelling; the phone finds him
    stored = store.insert_customer(customer_file, make_person(name="张 三", mobile="13800138000", address=None))
    store.insert_customer(customer_file, make_company(name="李四物流有限公司", credit_code="91350100M000100Y43"))
    path = ledger_files.good_xlsx(tmp_path / "ledger.xlsx")
    result = _preview(customer_file, path)
    first = result.rows[0]
    assert (first.action, first.customer_id) == (RowAction.UPDATE, stored.id)
    assert set(first.changes) == {"name", "id_number", "birthday", "typical_spend", "address"}
    importing.commit(customer_file, result)
    after = store.get_customer(customer_file, stored.id)
    assert (after.name, after.address, after.id_number) == ("张三", "北京市朝阳区建国路1号", "11010519491231002X")
    assert store.customer_count(customer_file) == 4  # 李四 and 王五 new; the company is another 李四


def test_the_same_name_in_pinyin_matches_only_without_a_contradicting_phone(customer_file, tmp_path):
    stored = store.insert_customer(customer_file, make_person(name="張三", mobile=None))
    other = store.insert_customer(customer_file, make_person(name="王五", mobile="13012345678"))
    result = _preview(customer_file, ledger_files.good_xlsx(tmp_path / "ledger.xlsx"))
    by_row = {r.number: r for r in result.rows}
    assert by_row[3].customer_id == stored.id  # 張三 is 张三 in pinyin
    assert by_row[5].action is RowAction.CREATE  # 王五 with another mobile is someone else
    assert by_row[5].customer_id != other.id


def test_a_second_line_of_a_company_adds_its_contact_person(customer_file, tmp_path):
    path = ledger_files.csv_file(tmp_path / "contacts.csv", "utf-8-sig", header=["客户名称", "统一社会信用代码", "联系人", "联系人手机"], rows=[
        ["北京顺达物流有限公司", "91350100M000100Y43", "李四", "13900139000"],
        ["北京顺达物流有限公司", "91350100M000100Y43", "王五", "13700137000"],
    ])
    result = _preview(customer_file, path)
    assert [r.action for r in result.rows] == [RowAction.CREATE, RowAction.UPDATE]
    assert result.rows[1].same_as == 2
    importing.commit(customer_file, result)
    (row,) = store.matching_rows(customer_file)
    company = store.get_customer(customer_file, row.id)
    assert company.kind is CustomerKind.COMPANY
    assert [(c.name, c.mobile, c.is_primary) for c in company.contacts] == [
        ("李四", "13900139000", True), ("王五", "13700137000", False)]


def test_a_cancelled_import_leaves_the_file_as_it_was(customer_file, tmp_path):
    store.insert_customer(customer_file, make_person(name="老客户", mobile="13511112222"))
    path = ledger_files.many_customers_csv(tmp_path / "many.csv", 1200)
    result = _preview(customer_file, path)
    assert result.count(RowAction.CREATE) == 1200

    def stop(done):
        if done >= 500:
            raise Cancelled()

    with pytest.raises(Cancelled):
        importing.commit(customer_file, result, stop)
    assert _names(customer_file) == ["老客户"]
    assert importing.history(customer_file) == []


def test_an_import_is_reverted_as_a_whole(customer_file, tmp_path):
    stored = store.insert_customer(customer_file, make_person(name="张三", mobile="13800138000", address="旧地址"))
    report = importing.commit(customer_file, _preview(customer_file, ledger_files.good_xlsx(tmp_path / "l.xlsx")))
    assert (report.created, report.updated) == (2, 1)
    assert store.get_customer(customer_file, stored.id).address == "北京市朝阳区建国路1号"
    (op,) = importing.history(customer_file)
    assert (op.id, op.label, op.undone) == (report.operation_id, "l.xlsx", False)
    done = importing.revert(customer_file, op.id)
    assert (done.customers, done.restored, done.kept) == (2, 1, ())
    assert _names(customer_file) == ["张三"]
    assert store.get_customer(customer_file, stored.id).address == "旧地址"
    assert importing.history(customer_file)[0].undone
    with pytest.raises(Exception):
        importing.revert(customer_file, op.id)  # once only


def test_revert_keeps_a_customer_edited_after_the_import(customer_file, tmp_path):
    stored = store.insert_customer(customer_file, make_person(name="张三", mobile="13800138000", address="旧地址"))
    report = importing.commit(customer_file, _preview(customer_file, ledger_files.good_xlsx(tmp_path / "l.xlsx")))
    now = store.get_customer(customer_file, stored.id)
    store.update_customer(customer_file, now.with_changes(notes="导入后改过"))
    done = importing.revert(customer_file, report.operation_id)
    assert done.kept == (stored.id,)
    kept = store.get_customer(customer_file, stored.id)
    assert (kept.address, kept.notes) == ("北京市朝阳区建国路1号", "导入后改过")


def test_orders_find_their_customer_and_are_not_imported_twice(customer_file, tmp_path):
    zhang = store.insert_customer(customer_file, make_person(name="张三"))
    li = store.insert_customer(customer_file, make_person(name="李四", mobile="13900139000"))
    path = ledger_files.orders_xlsx(tmp_path / "orders.xlsx", ledger_files.ORDERS + [
        ["查无此人", date(2026, 10, 1), "SF1004", "广州", "北京", 1, 1, 10],
        ["张三", date(2026, 10, 9), "SF1005", "广州", "北京", 1, 1, "abc"],
    ])
    result = _preview(customer_file, path)
    assert result.kind is ImportKind.ORDERS
    assert _errors(result) == {5: [("客户名称", "customer_not_found")], 6: [("运费", "invalid_amount")]}
    report = importing.commit(customer_file, result)
    assert report.created == 3
    orders = sorted(order_store.orders_of(customer_file, zhang.id), key=lambda o: o.order_date)
    assert [(o.waybill, o.amount, o.weight_g, o.pieces, o.product) for o in orders] == [
        ("SF1001", 35000, 12500, 3, "广州—北京"), ("SF1002", 12050, 2000, 1, "广州—上海")]
    assert len(order_store.orders_of(customer_file, li.id)) == 1
    again = _preview(customer_file, path)
    assert [r.skip for r in again.rows if r.action is RowAction.SKIP] == [SkipReason.ALREADY_IMPORTED] * 3


def test_payments_import_by_customer_code(customer_file, tmp_path):
    zhang = store.insert_customer(customer_file, make_person(name="张三"))
    path = ledger_files.csv_file(tmp_path / "pay.csv", "gbk", header=["客户编号", "回款日期", "回款金额", "收款方式"], rows=[
        [zhang.code, "2026-11-01", "1,000.00", "微信"],
        [zhang.code, "2026-11-05", "500", "银行转账"],
        ["KH999999", "2026-11-05", "500", "现金"],
    ])
    result = _preview(customer_file, path)
    assert result.kind is ImportKind.PAYMENTS
    report = importing.commit(customer_file, result)
    assert report.created == 2
    assert [(p.amount, p.method.value) for p in sorted(order_store.payments_of(customer_file, zhang.id), key=lambda p: p.paid_date)] == [
        (100000, "wechat"), (50000, "bank_transfer")]
    assert isinstance(order_store.payments_of(customer_file, zhang.id)[0], Payment)


def test_a_corrected_mapping_is_remembered_for_the_next_file(customer_file, tmp_path):
    path = ledger_files.csv_file(tmp_path / "odd.csv", "utf-8", header=["客户名称", "客户电话"], rows=[["张三", "13800138000"]])
    data = importing.read_sheet(path)
    layout = importing.guess_layout(customer_file, data)
    assert layout.mapping == ["name", None]
    corrected = importing.Layout(layout.kind, layout.header_row, layout.headers, ["name", "mobile"])
    importing.remember_layout(customer_file, corrected)
    assert importing.guess_layout(customer_file, data).mapping == ["name", "mobile"]


def test_a_sheet_without_the_required_columns_names_them(customer_file, tmp_path):
    path = ledger_files.csv_file(tmp_path / "x.csv", "utf-8", header=["手机", "地址"], rows=[["13800138000", "北京"]])
    with pytest.raises(importing.MissingColumns) as e:
        importing.import_file(customer_file, path, TODAY)
    assert e.value.layout.missing == [frozenset({"name"})]
    assert store.customer_count(customer_file) == 0


def test_a_dry_run_reports_and_writes_nothing(customer_file, tmp_path):
    report = importing.import_file(customer_file, ledger_files.good_xlsx(tmp_path / "l.xlsx"), TODAY, dry_run=True)
    assert (report.created, report.operation_id) == (3, None)
    assert store.customer_count(customer_file) == 0
