"""Inside the built bundle: can it do what posapp does with the parts packaging/posapp.spec kept?

``POSAPP_BUNDLE_CHECK=1`` (set by tests/packaging) makes the bundle's entry script run these checks
instead of starting: each prints ``ok NAME: what it saw`` or ``failed NAME: why``, and the exit status is 3
when one failed. They guard the spec's exclusions and relinking from the side of what the app uses: an
import that succeeds is not enough when a plugin, a data file or a shared library is what was left out.
Run with ``QT_QPA_PLATFORM=offscreen`` (the tests do); nothing here needs a screen, a printer or D-Bus.
"""

from __future__ import annotations

import socket
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

QR_DATA = "https://pay.example/checkout/POS-20250101-0001"


def expect(condition: object, failure: object) -> None:
    """Like assert, but kept whatever the interpreter's optimisation level."""
    if not condition:
        raise AssertionError(str(failure))


class _LoopbackPrinter:
    """A network receipt printer on 127.0.0.1 that keeps what it was sent (no status answers asked)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.server.accept()
        with connection:
            while chunk := connection.recv(65536):
                self.received += chunk

    def close(self) -> bytes:
        self.thread.join(timeout=10)
        self.server.close()
        return bytes(self.received)


def check_printing() -> str:
    """A receipt with its QR code encoded by python-escpos and sent to a network printer, as a sale does."""
    from posapp.printing.devices import Connection, PrinterConfig, send
    from posapp.printing.receipt import Receipt, render

    printer = _LoopbackPrinter()
    config = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=printer.port, check_status=False)
    receipt = Receipt(title="Reçu", amount="1 500 FCFA", rows=(("Réf.", "POS-1"),), qr_data=QR_DATA, qr_caption="QR")
    data = render(receipt, config, kick_drawer=True)
    send(config, data)
    received = printer.close()
    expect(received == data, f"the printer got {len(received)} of {len(data)} bytes")
    expect(b"\x1d(k" in data and QR_DATA.encode() in data, "no native QR code (GS ( k) with the reference")
    expect(b"\x1dV" in data and b"\x1bp" in data, "no cut (GS V) or drawer kick (ESC p)")
    expect("Reçu".encode("cp858") in data, "the accented title is not in CP858")
    return f"{len(data)} bytes of ESC/POS with a native QR code received over TCP"


def check_pillow() -> str:
    """Pillow's core (python-escpos imports it) loads, with the libraries its libtiff was relinked to."""
    import io

    from PIL import Image, features

    picture = Image.new("L", (32, 32), 128)
    sizes = []
    for compression in ("lzma", "zstd"):  # libtiff through liblzma.so.5 and libzstd.so.1
        expect(features.check_codec("libtiff"), "Pillow's libtiff did not load")
        buffer = io.BytesIO()
        picture.save(buffer, "TIFF", compression=compression)
        buffer.seek(0)
        again = Image.open(buffer)
        again.load()
        expect(again.tobytes() == picture.tobytes(), f"{compression} did not read back")
        sizes.append(f"{compression} {len(buffer.getvalue())} B")
    return "Pillow " + Image.__version__ + ", " + ", ".join(sizes)


def check_keyring() -> str:
    """keyring's Secret Service backend loads, and the session's AES encryption works both ways."""
    from importlib.metadata import entry_points

    import keyring
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from keyring.backends import SecretService
    from secretstorage.dhcrypto import Session
    from secretstorage.util import format_secret

    ours, service = Session(), Session()  # the Diffie-Hellman exchange, the other end played by a second session
    ours.set_server_public_key(service.my_public_key)
    service.set_server_public_key(ours.my_public_key)
    ours.object_path = "/org/freedesktop/secrets/session/check"
    _path, iv, encrypted, _type = format_secret(ours, b"api-key-check", "text/plain")
    expect(b"api-key-check" not in bytes(encrypted), "the secret went out unencrypted")
    expect(service.aes_key is not None, "the other end derived no key")
    decryptor = Cipher(algorithms.AES(service.aes_key), modes.CBC(bytes(iv))).decryptor()
    padded = decryptor.update(bytes(encrypted)) + decryptor.finalize()
    expect(padded[: -padded[-1]] == b"api-key-check", "the other end could not decrypt the secret")
    # keyring finds its backends through entry points: the bundle must carry keyring's metadata too
    backends = {e.name: e for e in entry_points(group="keyring.backends")}
    expect("SecretService" in backends, f"keyring's backends: {sorted(backends)}")
    expect(backends["SecretService"].load() is SecretService, "the SecretService entry point loads another module")
    backend = keyring.get_keyring()  # without a D-Bus session here this is keyring's fail backend
    return f"SecretService backend listed and loaded, AES-CBC session round trip ok; active: {type(backend).__module__}"


def check_phone() -> str:
    """libphonenumber with the carrier data the spec kept (Cameroon's): Orange and MTN are told apart, and a
    foreign number is recognised as such and formatted (other countries' metadata)."""
    from posapp.core.phone import Operator, PhoneError, display_phone, parse_mobile

    orange, mtn = parse_mobile("699 00 99 00"), parse_mobile("+237 677 00 99 00")
    expect(orange.operator is Operator.ORANGE and mtn.operator is Operator.MTN, (orange.operator, mtn.operator))
    for foreign, code in (("+33 6 12 34 56 78", "+33"), ("+234 803 123 4567", "+234")):
        try:
            parse_mobile(foreign)
        except PhoneError as exc:
            expect(code in str(exc), f"{foreign}: {exc}")
        else:
            raise AssertionError(f"{foreign} was taken for a Cameroonian number")
    expect(display_phone("+33612345678") == "+33 6 12 34 56 78", display_phone("+33612345678"))
    return f"{orange.formatted()} {orange.operator.display_name}, {mtn.formatted()} {mtn.operator.display_name}"


def _application() -> object:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def check_images() -> str:
    """The SVG icon renders (icon engine and image plugin), PNG and ICO are written and read back."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QImageWriter

    from posapp.ui.resources import resource_path

    _application()
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    expect({"png", "svg", "ico"} <= formats, f"image formats: {sorted(formats)}")
    icon = QIcon(str(resource_path("icons", "posapp.svg")))
    pixmap = icon.pixmap(QSize(64, 64))
    expect(not pixmap.isNull() and pixmap.width() == 64, "the SVG icon did not render")
    expect(QImage(str(resource_path("icons", "posapp.svg"))).width() > 0, "the SVG image plugin did not load it")
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 136, 0))
    for kind in ("png", "ico"):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, kind.encode())
        expect(writer.write(image), f"{kind}: {writer.errorString()}")
        buffer.close()
        again = QImage.fromData(data, kind)
        expect(again.pixelColor(3, 3) == QColor(255, 136, 0), f"{kind} did not read back")
    return "formats " + " ".join(sorted(formats)) + "; SVG icon 64 px; PNG and ICO read back"


def check_translations() -> str:
    """posapp's French catalogue and Qt's own load from the bundle and translate."""
    from PySide6.QtCore import QCoreApplication

    from posapp.ui.i18n import _installed, install_translators

    app = _application()
    install_translators(app, "fr")  # type: ignore[arg-type]
    expect(len(_installed) == 2, f"{len(_installed)} of 2 translators loaded (qtbase_fr, posapp_fr)")
    posapp_text = QCoreApplication.translate("QFileDialog", "&Look in:")  # only posapp's catalogue has it
    qt_text = QCoreApplication.translate("QPlatformTheme", "Cancel")
    expect(posapp_text != "&Look in:" and qt_text != "Cancel", (posapp_text, qt_text))
    install_translators(app, "en")  # type: ignore[arg-type]
    return f"fr: {posapp_text!r}, {qt_text!r}"


def check_xcb() -> str:
    """The xcb platform plugin is in the bundle with every library the bundle should carry for it."""
    import ctypes

    from posapp.platform_check import PACKAGES, find_platform_plugin, missing_libraries

    bundle = getattr(sys, "_MEIPASS", None)
    plugin = find_platform_plugin("xcb", {})
    expect(plugin is not None and (bundle is None or plugin.is_relative_to(bundle)), f"xcb plugin: {plugin}")
    assert plugin is not None  # for mypy: expect() raised otherwise
    missing = missing_libraries(plugin, extra_dirs=[Path(bundle)] if bundle else [])
    not_declared = [m.soname for m in missing if m.soname not in PACKAGES]
    expect(not not_declared, f"missing and left to nobody: {not_declared}")
    if missing:
        return f"{plugin.name} present; the system lacks {', '.join(m.soname for m in missing)} (declared)"
    ctypes.CDLL(str(plugin))  # every symbol resolved now, as when Qt loads it
    return f"{plugin.name} present and loads"


CHECKS: dict[str, Callable[[], str]] = {
    "printing": check_printing,
    "pillow": check_pillow,
    "keyring": check_keyring,
    "phone": check_phone,
    "images": check_images,
    "translations": check_translations,
    "xcb": check_xcb,
}


def run_checks() -> int:
    failed = 0
    for name, check in CHECKS.items():
        try:
            seen = check()
        except Exception as exc:  # the report names whatever failed, however
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            print(f"failed {name}: {detail}", flush=True)
            failed += 1
        else:
            print(f"ok {name}: {seen}", flush=True)
    return 3 if failed else 0
