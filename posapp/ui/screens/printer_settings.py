"""The receipt printer's settings: how it is connected, its paper, the drawer; Test print, Open drawer, and
the receipts waiting to print with Retry and Cancel.

The panel edits a ``PrinterConfig`` (``posapp.printing.devices``); saving, printing and opening the drawer
are asked of whoever owns the print queue through signals, so the panel never touches a device.

Signals:
    config_saved(object): the new ``PrinterConfig``.
    test_print_requested(object): print a test page with this ``PrinterConfig`` (not saved yet).
    open_drawer_requested(): kick the drawer open.
    retry_requested(int): send this waiting receipt again.
    cancel_requested(int): drop this waiting receipt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.printing.devices import Connection, Paper, PrinterConfig
from posapp.printing.queue import JobKind, JobState, PrintJob
from posapp.ui.inert_text import PlainLabel, inert, plain_tooltip
from posapp.ui.print_bridge import problem_text, state_text
from posapp.ui.widgets.shortcut import give_shortcut

JobRole = Qt.ItemDataRole.UserRole + 10  # the job id of a queue row


def connection_text(connection: Connection) -> str:
    return {
        Connection.NONE: QCoreApplication.translate("PrinterSettings", "No receipt printer (system printer only)"),
        Connection.NETWORK: QCoreApplication.translate("PrinterSettings", "Network (Ethernet or Wi-Fi)"),
        Connection.USB: QCoreApplication.translate("PrinterSettings", "USB"),
        Connection.SERIAL: QCoreApplication.translate("PrinterSettings", "Serial port or Bluetooth"),
        Connection.WINDOWS: QCoreApplication.translate("PrinterSettings", "Windows printer"),
        Connection.FILE: QCoreApplication.translate("PrinterSettings", "Device file"),
    }[connection]


def _hex(text: str) -> int | None:
    cleaned = text.strip().lower().removeprefix("0x")
    try:
        value = int(cleaned, 16)
    except ValueError:
        return None
    return value if 0 < value <= 0xFFFF else None


def _device_job_text(job: PrintJob) -> str:
    """How a test print or a drawer opening went."""
    test = job.kind is JobKind.TEST
    if job.state is JobState.PRINTED:
        return (
            QCoreApplication.translate("PrinterSettings", "The test page printed: check its accents and its width.")
            if test
            else QCoreApplication.translate("PrinterSettings", "The drawer was told to open.")
        )
    if job.state in (JobState.WAITING, JobState.FAILED):
        failed = (
            QCoreApplication.translate("PrinterSettings", "The test page did not print.")
            if test
            else QCoreApplication.translate("PrinterSettings", "The drawer did not open: use its key.")
        )
        return f"{failed} {problem_text(job.problem)}"
    return state_text(job)


class PrinterSettingsPanel(QWidget):
    """Edits the ESC/POS printer's settings; see the module docstring."""

    config_saved = Signal(object)
    test_print_requested = Signal(object)
    open_drawer_requested = Signal()
    retry_requested = Signal(int)
    cancel_requested = Signal(int)

    def __init__(self, config: PrinterConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printerSettings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        form = QFormLayout()
        form.setSpacing(10)

        self.connection = QComboBox()
        self.connection.setObjectName("printerConnection")
        for kind in Connection:
            self.connection.addItem(connection_text(kind), kind.value)
        form.addRow(PlainLabel(QCoreApplication.translate("PrinterSettings", "Receipt printer")), self.connection)

        self.where = QStackedWidget()
        self.host = QLineEdit()
        self.host.setObjectName("printerHost")
        self.host.setPlaceholderText("192.168.1.50")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        network = QWidget()
        network_row = QHBoxLayout(network)
        network_row.setContentsMargins(0, 0, 0, 0)
        network_row.addWidget(self.host, 3)
        network_row.addWidget(PlainLabel(QCoreApplication.translate("PrinterSettings", "Port")))
        network_row.addWidget(self.port, 1)
        self.usb_vendor = QLineEdit()
        self.usb_vendor.setObjectName("printerUsbVendor")
        self.usb_vendor.setPlaceholderText("0416")
        self.usb_product = QLineEdit()
        self.usb_product.setObjectName("printerUsbProduct")
        self.usb_product.setPlaceholderText("5011")
        usb = QWidget()
        usb_row = QHBoxLayout(usb)
        usb_row.setContentsMargins(0, 0, 0, 0)
        usb_row.addWidget(PlainLabel(QCoreApplication.translate("PrinterSettings", "Vendor id")))
        usb_row.addWidget(self.usb_vendor)
        usb_row.addWidget(PlainLabel(QCoreApplication.translate("PrinterSettings", "Product id")))
        usb_row.addWidget(self.usb_product)
        self.serial_device = QLineEdit()
        self.serial_device.setObjectName("printerSerial")
        self.serial_device.setPlaceholderText("/dev/rfcomm0, COM3")
        self.baudrate = QComboBox()
        for rate in (9600, 19200, 38400, 57600, 115200):
            self.baudrate.addItem(str(rate), rate)
        serial = QWidget()
        serial_row = QHBoxLayout(serial)
        serial_row.setContentsMargins(0, 0, 0, 0)
        serial_row.addWidget(self.serial_device, 3)
        serial_row.addWidget(self.baudrate, 1)
        self.windows_printer = QLineEdit()
        self.windows_printer.setObjectName("printerWindows")
        self.windows_printer.setPlaceholderText(
            QCoreApplication.translate("PrinterSettings", "Printer name (empty: the default printer)")
        )
        self.device_file = QLineEdit()
        self.device_file.setObjectName("printerFile")
        self.device_file.setPlaceholderText("/dev/usb/lp0")
        self._pages = {
            Connection.NONE: QWidget(),
            Connection.NETWORK: network,
            Connection.USB: usb,
            Connection.SERIAL: serial,
            Connection.WINDOWS: self.windows_printer,
            Connection.FILE: self.device_file,
        }
        for page in self._pages.values():
            self.where.addWidget(page)
        form.addRow(PlainLabel(QCoreApplication.translate("PrinterSettings", "Where")), self.where)

        self.paper = QComboBox()
        self.paper.setObjectName("printerPaper")
        self.paper.addItem(QCoreApplication.translate("PrinterSettings", "58 mm roll"), Paper.MM58.value)
        self.paper.addItem(QCoreApplication.translate("PrinterSettings", "80 mm roll"), Paper.MM80.value)
        self.columns = QSpinBox()
        self.columns.setObjectName("printerColumns")
        self.columns.setRange(0, 80)
        self.columns.setSpecialValueText(QCoreApplication.translate("PrinterSettings", "as the paper"))
        form.addRow(PlainLabel(QCoreApplication.translate("PrinterSettings", "Paper")), self.paper)
        form.addRow(PlainLabel(QCoreApplication.translate("PrinterSettings", "Characters per line")), self.columns)
        self.profile = QLineEdit()
        self.profile.setObjectName("printerProfile")
        self.profile.setPlaceholderText("default, TM-T20II, POS-5890, ZJ-5870")
        form.addRow(PlainLabel(QCoreApplication.translate("PrinterSettings", "Printer model")), self.profile)
        self.drawer_pin = QComboBox()
        self.drawer_pin.setObjectName("printerDrawerPin")
        self.drawer_pin.addItem(QCoreApplication.translate("PrinterSettings", "Pin 2 (most drawers)"), 2)
        self.drawer_pin.addItem(QCoreApplication.translate("PrinterSettings", "Pin 5"), 5)
        form.addRow(PlainLabel(QCoreApplication.translate("PrinterSettings", "Cash drawer")), self.drawer_pin)
        self.open_drawer_by = QComboBox()
        self.open_drawer_by.setObjectName("printerOpenDrawerBy")
        self.open_drawer_by.addItem(QCoreApplication.translate("PrinterSettings", "Any cashier"), "cashier")
        self.open_drawer_by.addItem(QCoreApplication.translate("PrinterSettings", "A manager only"), "manager")
        form.addRow(
            PlainLabel(QCoreApplication.translate("PrinterSettings", "Open drawer without a sale")),
            self.open_drawer_by,
        )
        self.auto_print = QCheckBox(
            QCoreApplication.translate("PrinterSettings", "Print the receipt of every paid sale")
        )
        self.kick_on_cash = QCheckBox(QCoreApplication.translate("PrinterSettings", "Open the drawer for cash"))
        self.check_status = QCheckBox(
            QCoreApplication.translate("PrinterSettings", "Ask the printer whether it has paper before printing")
        )
        layout.addLayout(form)
        for box in (self.auto_print, self.kick_on_cash, self.check_status):
            layout.addWidget(box)  # the whole width: beside the form's labels they would not fit 1024 px

        self.error = PlainLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.status = PlainLabel("")
        self.status.setObjectName("printerStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(QCoreApplication.translate("PrinterSettings", "Save the printer"))
        self.save_button.setObjectName("printerSave")
        self.save_button.setProperty("primary", True)
        self.test_button = QPushButton(QCoreApplication.translate("PrinterSettings", "Test print"))
        self.test_button.setObjectName("printerTest")
        self.drawer_button = QPushButton(QCoreApplication.translate("PrinterSettings", "Open drawer"))
        self.drawer_button.setObjectName("printerOpenDrawer")
        buttons = QHBoxLayout()
        for button in (self.test_button, self.drawer_button, self.save_button):
            button.setMinimumHeight(44)
            button.setAutoDefault(False)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.drawer_button)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.save_button)  # a row of its own: three buttons side by side pass 1024 px in French
        layout.addWidget(self.status)

        queue_title = PlainLabel(QCoreApplication.translate("PrinterSettings", "Receipts not printed"))
        queue_title.setObjectName("fieldCaption")
        self.queue_list = QListWidget()
        self.queue_list.setObjectName("printQueue")
        self.queue_list.setMinimumHeight(90)
        self.queue_list.setMaximumHeight(140)
        self.queue_list.setWordWrap(True)  # a reference and the reason in words, read whole
        self.queue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retry_button = QPushButton(QCoreApplication.translate("PrinterSettings", "Retry"))
        self.retry_button.setObjectName("printRetry")
        self.cancel_button = QPushButton(QCoreApplication.translate("PrinterSettings", "Do not print"))
        self.cancel_button.setObjectName("printCancel")
        queue_buttons = QHBoxLayout()
        for button in (self.retry_button, self.cancel_button):
            button.setMinimumHeight(40)
            button.setAutoDefault(False)
            button.setProperty("secondary", True)
            queue_buttons.addWidget(button)
        layout.addWidget(queue_title)
        layout.addWidget(self.queue_list)
        layout.addLayout(queue_buttons)
        self._jobs: dict[int, PrintJob] = {}

        self._describe_fields()
        give_shortcut(
            self.save_button, "Ctrl+S", QCoreApplication.translate("PrinterSettings", "Save the printer's settings")
        )
        give_shortcut(
            self.test_button,
            "Ctrl+P",
            QCoreApplication.translate("PrinterSettings", "Print a test receipt with the settings as typed"),
        )
        give_shortcut(
            self.drawer_button,
            "Ctrl+Shift+D",
            QCoreApplication.translate("PrinterSettings", "Open the drawer to test it (recorded with who and why)"),
        )
        give_shortcut(
            self.retry_button, "Ctrl+R", QCoreApplication.translate("PrinterSettings", "Print the chosen receipt now")
        )
        give_shortcut(
            self.cancel_button,
            "Ctrl+Delete",
            QCoreApplication.translate("PrinterSettings", "Drop the chosen receipt (reprint it from History later)"),
        )

        self.connection.currentIndexChanged.connect(self._connection_changed)
        self.save_button.clicked.connect(self._save)
        self.test_button.clicked.connect(self._test)
        self.drawer_button.clicked.connect(self.open_drawer_requested)
        self.retry_button.clicked.connect(lambda: self._selected(self.retry_requested))
        self.cancel_button.clicked.connect(lambda: self._selected(self.cancel_requested))
        self.queue_list.currentRowChanged.connect(lambda _row: self._queue_buttons())
        for combo in self.findChildren(QComboBox):
            # Long choices ("No receipt printer (system printer only)") must not widen the whole panel.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.set_config(config)
        self._queue_buttons()

    def _describe_fields(self) -> None:
        """Each field's name and what it is for, as assistive technology reads them."""
        fields = (
            (
                self.connection,
                QCoreApplication.translate("PrinterSettings", "Receipt printer"),
                QCoreApplication.translate("PrinterSettings", "How the receipt printer is connected to this computer"),
            ),
            (
                self.host,
                QCoreApplication.translate("PrinterSettings", "Printer's network address"),
                QCoreApplication.translate("PrinterSettings", "The printer's IP address or name on the shop's network"),
            ),
            (
                self.port,
                QCoreApplication.translate("PrinterSettings", "Port"),
                QCoreApplication.translate("PrinterSettings", "The printer's TCP port (usually 9100)"),
            ),
            (
                self.usb_vendor,
                QCoreApplication.translate("PrinterSettings", "Vendor id"),
                QCoreApplication.translate("PrinterSettings", "The USB vendor id, four hexadecimal digits"),
            ),
            (
                self.usb_product,
                QCoreApplication.translate("PrinterSettings", "Product id"),
                QCoreApplication.translate("PrinterSettings", "The USB product id, four hexadecimal digits"),
            ),
            (
                self.serial_device,
                QCoreApplication.translate("PrinterSettings", "Serial port"),
                QCoreApplication.translate("PrinterSettings", "The serial or Bluetooth port the printer is on"),
            ),
            (
                self.baudrate,
                QCoreApplication.translate("PrinterSettings", "Speed"),
                QCoreApplication.translate("PrinterSettings", "The serial port's speed in baud"),
            ),
            (
                self.windows_printer,
                QCoreApplication.translate("PrinterSettings", "Windows printer"),
                QCoreApplication.translate(
                    "PrinterSettings", "The printer's name in Windows; empty for the default printer"
                ),
            ),
            (
                self.device_file,
                QCoreApplication.translate("PrinterSettings", "Device file"),
                QCoreApplication.translate("PrinterSettings", "The printer's device file on this computer"),
            ),
            (
                self.paper,
                QCoreApplication.translate("PrinterSettings", "Paper"),
                QCoreApplication.translate("PrinterSettings", "The width of the paper roll"),
            ),
            (
                self.columns,
                QCoreApplication.translate("PrinterSettings", "Characters per line"),
                QCoreApplication.translate("PrinterSettings", "How many characters a line holds; 0: as the paper"),
            ),
            (
                self.profile,
                QCoreApplication.translate("PrinterSettings", "Printer model"),
                QCoreApplication.translate("PrinterSettings", "The printer's model, for its code pages and commands"),
            ),
            (
                self.drawer_pin,
                QCoreApplication.translate("PrinterSettings", "Cash drawer"),
                QCoreApplication.translate(
                    "PrinterSettings", "The pin of the printer's drawer socket the drawer is wired to"
                ),
            ),
            (
                self.open_drawer_by,
                QCoreApplication.translate("PrinterSettings", "Open drawer without a sale"),
                QCoreApplication.translate("PrinterSettings", "Who may open the drawer without a sale"),
            ),
            (
                self.auto_print,
                self.auto_print.text(),
                QCoreApplication.translate("PrinterSettings", "Each paid sale's receipt prints at once"),
            ),
            (
                self.kick_on_cash,
                self.kick_on_cash.text(),
                QCoreApplication.translate("PrinterSettings", "The drawer opens when cash is taken or handed back"),
            ),
            (
                self.check_status,
                self.check_status.text(),
                QCoreApplication.translate(
                    "PrinterSettings", "A printer without paper keeps the receipt waiting instead of losing it"
                ),
            ),
            (
                self.queue_list,
                QCoreApplication.translate("PrinterSettings", "Receipts not printed"),
                QCoreApplication.translate(
                    "PrinterSettings", "Receipts waiting for the printer, with why; choose one to retry or drop it"
                ),
            ),
        )
        for widget, name, description in fields:
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    # ------------------------------------------------------------------ the settings

    def set_config(self, config: PrinterConfig) -> None:
        self.connection.setCurrentIndex(self.connection.findData(config.connection.value))
        self.host.setText(config.host)
        self.port.setValue(config.port)
        self.usb_vendor.setText(f"{config.usb_vendor:04x}" if config.usb_vendor else "")
        self.usb_product.setText(f"{config.usb_product:04x}" if config.usb_product else "")
        self.serial_device.setText(config.serial_device)
        self.baudrate.setCurrentIndex(max(self.baudrate.findData(config.baudrate), 0))
        self.windows_printer.setText(config.windows_printer)
        self.device_file.setText(config.device_file)
        self.paper.setCurrentIndex(self.paper.findData(config.paper.value))
        self.columns.setValue(config.columns)
        self.profile.setText(config.profile)
        self.drawer_pin.setCurrentIndex(self.drawer_pin.findData(config.drawer_pin))
        self.open_drawer_by.setCurrentIndex(max(self.open_drawer_by.findData(config.open_drawer_by), 0))
        self.auto_print.setChecked(config.auto_print)
        self.kick_on_cash.setChecked(config.kick_on_cash)
        self.check_status.setChecked(config.check_status)
        self._connection_changed()

    def _connection(self) -> Connection:
        return Connection(self.connection.currentData())

    def _connection_changed(self, _index: int = 0) -> None:
        kind = self._connection()
        self.where.setCurrentWidget(self._pages[kind])
        enabled = kind is not Connection.NONE
        for widget in (self.test_button, self.drawer_button, self.paper, self.columns, self.profile, self.drawer_pin):
            widget.setEnabled(enabled)
        self.error.setText("")

    def config(self) -> PrinterConfig | None:
        """The settings as typed, or None (the reason shown) when they are not complete."""
        kind = self._connection()
        problem = ""
        vendor, product = _hex(self.usb_vendor.text()), _hex(self.usb_product.text())
        if kind is Connection.NETWORK and not self.host.text().strip():
            problem = QCoreApplication.translate("PrinterSettings", "Type the printer's network address.")
        elif kind is Connection.USB and (vendor is None or product is None):
            problem = QCoreApplication.translate(
                "PrinterSettings", "Type the printer's USB vendor and product ids (four hexadecimal digits each)."
            )
        elif kind is Connection.SERIAL and not self.serial_device.text().strip():
            problem = QCoreApplication.translate("PrinterSettings", "Type the printer's serial port.")
        elif kind is Connection.FILE and not self.device_file.text().strip():
            problem = QCoreApplication.translate("PrinterSettings", "Type the printer's device file.")
        elif self.columns.value() and self.columns.value() < 16:
            problem = QCoreApplication.translate("PrinterSettings", "A receipt line holds at least 16 characters.")
        if problem:
            self.error.setText(problem)
            return None
        self.error.setText("")
        return PrinterConfig(
            connection=kind,
            host=self.host.text().strip(),
            port=self.port.value(),
            usb_vendor=vendor or 0,
            usb_product=product or 0,
            serial_device=self.serial_device.text().strip(),
            baudrate=int(self.baudrate.currentData()),
            windows_printer=self.windows_printer.text().strip(),
            device_file=self.device_file.text().strip(),
            paper=Paper(self.paper.currentData()),
            columns=self.columns.value(),
            profile=self.profile.text().strip() or "default",
            drawer_pin=int(self.drawer_pin.currentData()),
            open_drawer_by=str(self.open_drawer_by.currentData()),
            auto_print=self.auto_print.isChecked(),
            kick_on_cash=self.kick_on_cash.isChecked(),
            check_status=self.check_status.isChecked(),
        )

    def _save(self) -> None:
        config = self.config()
        if config is not None:
            self.config_saved.emit(config)

    def _test(self) -> None:
        config = self.config()
        if config is not None:
            self.status.setText(QCoreApplication.translate("PrinterSettings", "Sending the test print..."))
            self.test_print_requested.emit(config)

    # ------------------------------------------------------------------ the queue

    def show_job(self, job: PrintJob) -> None:
        """A job's change, from the print queue (on the GUI thread)."""
        if job.kind is JobKind.TEST or job.kind is JobKind.DRAWER:
            self.status.setText(_device_job_text(job))
        self._jobs[job.id] = job
        if job.kind is not JobKind.RECEIPT:
            return
        for row in range(self.queue_list.count()):
            item = self.queue_list.item(row)
            if item.data(JobRole) == job.id:
                if not job.state.unprinted:
                    self.queue_list.takeItem(row)
                else:
                    self._fill(item, job)
                self._queue_buttons()
                return
        if job.state.unprinted:
            item = QListWidgetItem()
            self._fill(item, job)
            self.queue_list.addItem(item)
        self._queue_buttons()

    def _fill(self, item: QListWidgetItem, job: PrintJob) -> None:
        words = f"{inert(job.app_ref)}: {state_text(job)}"
        if job.problem is not None:
            words = f"{words} ({problem_text(job.problem)})"
        item.setText(words)
        item.setData(JobRole, job.id)
        item.setToolTip(plain_tooltip(problem_text(job.problem)) if job.problem else "")

    def _selected(self, signal: SignalInstance) -> None:
        item = self.queue_list.currentItem()
        if item is not None:
            signal.emit(int(item.data(JobRole)))

    def _queue_buttons(self) -> None:
        item = self.queue_list.currentItem()
        job = self._jobs.get(int(item.data(JobRole))) if item is not None else None
        self.retry_button.setEnabled(job is not None and job.state.retriable)
        self.cancel_button.setEnabled(job is not None and job.state is not JobState.PRINTING)
