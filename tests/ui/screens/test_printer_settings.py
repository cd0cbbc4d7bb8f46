"""The printer's settings: what is typed becomes a PrinterConfig or says what is missing; the queue's rows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from posapp.printing.devices import Connection, Paper, PrinterConfig, Problem
from posapp.printing.queue import JobKind, JobState, PrintJob
from posapp.printing.receipt import Receipt
from posapp.ui.screens.printer_settings import PrinterSettingsPanel


def test_the_settings_round_trip_and_a_missing_address_is_said(qtbot) -> None:  # type: ignore[no-untyped-def]
    config = PrinterConfig(connection=Connection.USB, usb_vendor=0x0416, usb_product=0x5011, paper=Paper.MM58,
                           drawer_pin=5, kick_on_cash=False)  # fmt: skip
    panel = PrinterSettingsPanel(config)
    qtbot.addWidget(panel)
    assert panel.config() == config
    panel.connection.setCurrentIndex(panel.connection.findData(Connection.NETWORK.value))
    with qtbot.assertNotEmitted(panel.config_saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.error.text() == "Type the printer's network address."
    panel.host.setText(" 192.168.1.50 ")
    with qtbot.waitSignal(panel.test_print_requested) as test:
        qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert test.args[0].host == "192.168.1.50" and test.args[0].connection is Connection.NETWORK
    with qtbot.waitSignal(panel.config_saved) as saved:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == test.args[0] and panel.error.text() == ""
    panel.connection.setCurrentIndex(panel.connection.findData(Connection.NONE.value))
    assert not panel.test_button.isEnabled() and not panel.drawer_button.isEnabled()


def test_unprinted_receipts_are_listed_until_printed(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = PrinterSettingsPanel(PrinterConfig())
    qtbot.addWidget(panel)
    receipt = Receipt(title="t", amount="", app_ref="PAY-1")
    panel.show_job(PrintJob(7, JobKind.RECEIPT, receipt, JobState.WAITING, problem=Problem.NO_PAPER))
    assert panel.queue_list.count() == 1
    assert panel.queue_list.item(0).text() == (
        "PAY-1: Not printed: trying again shortly (The printer is out of paper.)"
    )
    panel.queue_list.setCurrentRow(0)
    with qtbot.waitSignal(panel.retry_requested) as retry:
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert retry.args == [7]
    panel.show_job(PrintJob(7, JobKind.RECEIPT, receipt, JobState.PRINTED))
    assert panel.queue_list.count() == 0
    panel.show_job(PrintJob(8, JobKind.TEST, receipt, JobState.FAILED, problem=Problem.UNREACHABLE))
    assert panel.status.text().startswith("The test page did not print. The printer cannot be reached")
