"""Every refusal the services raise is listed for translation and reads in the user's language, amounts included."""

from __future__ import annotations

import ast
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import posapp.services
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.sandbox.customer import Script
from posapp.services import common
from posapp.services.common import ActionFailed
from posapp.ui.actions import describe_error
from posapp.ui.i18n import install_translators
from posapp.ui.service_messages import TEMPLATES
from tests.services.conftest import Harness

SERVICES = Path(posapp.services.__file__).parent
MTN = parse_mobile("677009900")
N = "\u202f"  # French's narrow no-break space before a colon, and Babel's between thousands


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


def raised_templates() -> dict[str, str]:
    """Each template a service raises ``ActionFailed`` with, and where (a module constant is looked up)."""
    found: dict[str, str] = {}
    for module in sorted(SERVICES.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ActionFailed" and node.args):
                continue
            where = f"{module.name}:{node.lineno}"
            first = node.args[0]
            if isinstance(first, ast.Name):
                value = constants.get(first.id, getattr(common, first.id, None))
                if first.id == "template" and module.name == "common.py":
                    continue  # failed_because: one of JOURNAL_REFUSALS, checked below
                assert isinstance(value, str), f"{where}: {first.id} is not a template"
                found[value] = where
                continue
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{where}: use a template with its fields as keywords, not an f-string or a computed text"
            )
            if first.value == "":
                assert module.name == "common.py", f"{where}: a refusal without words of its own is failed_because()"
                continue
            found[first.value] = where
    for template in (*common.JOURNAL_REFUSALS.values(), common.JOURNAL_REFUSED):
        found[template] = "common.py: JOURNAL_REFUSALS"
    return found


def test_every_service_template_is_listed_for_translation() -> None:
    raised = raised_templates()
    assert len(raised) >= 40, "the services' refusals were not found: is the scan still reading them?"
    missing = {template: where for template, where in raised.items() if template not in TEMPLATES}
    assert not missing, f"add to posapp/ui/service_messages.py: {missing}"
    for template in raised:
        assert template[0].isupper() or template[0] == "{", f"a sentence starts with a capital: {template!r}"
        assert template.rstrip().endswith((".", "}")), f"a sentence ends with a full stop: {template!r}"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")


@pytest.fixture
async def counter(tmp_path: Path) -> AsyncIterator[Harness]:
    """The services over the My-CoolPay sandbox (ASGI) and a journal file, on virtual time."""
    h = Harness(tmp_path)
    await h.services.start()
    yield h
    await h.aclose()


@pytest.fixture
async def paid_push(tmp_path: Path) -> AsyncIterator[tuple[Harness, str]]:
    """A 4 000 FCFA push payment, paid, 2 500 of it refunded already."""
    h = Harness(tmp_path)
    await h.services.start()
    h.state.scripts.queue_next(Script.pay(after=2))
    pushed = await h.services.checkout.start_push_payment(xaf(4_000), MTN, cashier="ama")
    await h.time.advance(6)
    app_ref = pushed.transaction.app_ref
    approval = await h.services.payouts.approve("kofi", "refund", xaf(2_500))
    await h.services.payouts.refund(app_ref, xaf(2_500), "one bag back", approval)
    yield h, app_ref
    await h.aclose()


async def test_a_refund_over_what_is_left_is_refused_in_french_and_nothing_is_sent(
    paid_push: tuple[Harness, str], french: None
) -> None:
    h, app_ref = paid_push
    sent, rows = h.transport.count("/payout"), h.journal.count()
    approval = await h.services.payouts.approve("kofi", "refund", xaf(2_000))
    with pytest.raises(ActionFailed) as refused:
        await h.services.payouts.refund(app_ref, xaf(2_000), "the other bag", approval)
    assert str(refused.value) == "Not refunded: at most 1500 XAF can still be refunded on this payment."  # the log's
    assert (
        describe_error(refused.value)
        == f"Non remboursé{N}: il reste au plus 1{N}500\u00a0FCFA à rembourser sur ce paiement."
    )
    assert h.transport.count("/payout") == sent and h.journal.count() == rows, "nothing sent, nothing written"
    assert h.journal.approval(approval.id).used_at is None  # type: ignore[union-attr]


async def test_the_same_refusal_in_english_writes_the_amount_as_english_does(paid_push: tuple[Harness, str]) -> None:
    h, app_ref = paid_push
    approval = await h.services.payouts.approve("kofi", "refund", xaf(2_000))
    with pytest.raises(ActionFailed) as refused:
        await h.services.payouts.refund(app_ref, xaf(2_000), "the other bag", approval)
    assert (
        describe_error(refused.value) == "Not refunded: at most 1,500\u00a0FCFA can still be refunded on this payment."
    )


async def test_a_void_with_cash_not_handed_back_says_so_in_french_and_the_sale_stays(
    counter: Harness, french: None
) -> None:
    h = counter
    sale = await h.services.sales.open_sale(xaf(5_000), cashier="ama")
    ref = sale.sale.sale_ref
    await h.services.sales.pay_cash(ref, xaf(2_000), cashier="ama")
    with pytest.raises(ActionFailed, match="not handed back") as refused:
        await h.services.sales.void(ref, "customer left", cashier="ama")
    assert describe_error(refused.value) == (
        f"Non annulée{N}: un montant de 2{N}000\u00a0FCFA payé sur cette vente n’est pas encore rendu. "
        "Remboursez-le d’abord."
    )
    assert not (await h.services.sales.state(ref)).voided


async def test_a_provider_is_named_as_it_calls_itself(counter: Harness, french: None) -> None:
    link = await counter.services.checkout.start_link_payment(xaf(100), "", cashier="ama")
    with pytest.raises(ActionFailed, match="mycoolpay payments need no capture") as refused:
        await counter.services.checkout.capture(link.transaction.app_ref, cashier="ama")
    assert describe_error(refused.value) == "Les paiements My-CoolPay n’ont pas besoin d’être encaissés."


async def test_a_journal_refusal_is_said_in_the_users_words_not_the_journals(counter: Harness, french: None) -> None:
    h = counter
    approval = await h.services.payouts.approve("kofi", "payout", xaf(100))
    with pytest.raises(ActionFailed, match="approval") as refused:
        await h.services.payouts.payout(xaf(1_500), MTN, None, "x", approval)
    assert str(approval.id) in str(refused.value), "the journal's own words stay in the log's message"
    said = describe_error(refused.value)
    assert said.startswith("L’accord du gérant ne peut pas servir") and str(approval.id) not in said
    assert h.transport.count("/payout") == 0


async def test_a_refusal_with_no_words_of_its_own_says_its_causes(counter: Harness, french: None) -> None:
    h = counter
    sale = await h.services.sales.open_sale(xaf(1_000), cashier="ama")
    with pytest.raises(ActionFailed) as refused:  # core's CashError behind it
        await h.services.sales.pay_cash(sale.sale.sale_ref, Money(500, "EUR"), cashier="ama")
    assert refused.value.template == "" and refused.value.cause is not None
    assert describe_error(refused.value) == "Les espèces reçues sont en EUR, la vente en XAF."
    assert h.journal.count() == 0
