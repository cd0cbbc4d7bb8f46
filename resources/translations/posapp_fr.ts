<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../posapp/ui/actions.py" line="51"/>
        <source>No clear answer from the provider: this may or may not have gone through. Do not try again; its status is being checked in Activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="57"/>
        <source>The code is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="59"/>
        <source>The provider refused this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="61"/>
        <source>The provider refused our keys. Ask a manager to check the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="65"/>
        <source>The provider cannot be reached. Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="69"/>
        <source>This provider cannot do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="71"/>
        <source>The provider answered with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="75"/>
        <source>Something went wrong; it has been logged. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="45"/>
        <source>{hours} h {minutes:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="54"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="55"/>
        <source>Phone push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="56"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="57"/>
        <source>Payout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="119"/>
        <source>Show QR again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="120"/>
        <source>Re-check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="121"/>
        <source>Stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="159"/>
        <source>Do not ask the customer to pay again: the outcome is being checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="177"/>
        <source>Started {age} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="242"/>
        <source>No payment in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="245"/>
        <source>Payments waiting for a customer appear here, with their live status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="377"/>
        <source>{count} in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="402"/>
        <source>The provider cannot be reached since {time}; payments are still being checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="414"/>
        <source>Connection back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmountInput</name>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="40"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../posapp/ui/controller.py" line="144"/>
        <location filename="../../posapp/ui/controller.py" line="355"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/controller.py" line="162"/>
        <source>Still connecting to the provider; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/controller.py" line="254"/>
        <source>This payment has no link to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/controller.py" line="264"/>
        <source>Cancel this payment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/controller.py" line="265"/>
        <source>Stop waiting for this payment? If the customer pays anyway, posapp will still record it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/controller.py" line="346"/>
        <source>A payment&apos;s outcome is unknown: see Activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/controller.py" line="350"/>
        <source>Provider not reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="16"/>
        <source>&apos;{other}&apos; could be a decimal point here: use &apos;{mark}&apos; for decimals and a space between thousands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="20"/>
        <source>A phone number has digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="21"/>
        <source>Cameroonian numbers have no leading 0: type the 9 digits (6XX XX XX XX).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="22"/>
        <source>Digits are grouped by three.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="23"/>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="24"/>
        <source>Enter the customer&apos;s phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="25"/>
        <source>Mobile money is available for Orange and MTN numbers only, not {operator}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="26"/>
        <source>Mobile money is available for Orange and MTN numbers only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="27"/>
        <source>Only digits may follow &apos;{mark}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="28"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="29"/>
        <source>The amount has more than one &apos;{mark}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="30"/>
        <source>The amount is too large (at most {count} digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="31"/>
        <source>The amount may contain digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="32"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="33"/>
        <source>The number has too many digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="34"/>
        <source>The number is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="35"/>
        <source>This is a foreign number (+{code}); mobile money needs a Cameroonian number (+237).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="38"/>
        <source>This is a landline number; mobile money needs a mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="39"/>
        <source>This is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="40"/>
        <source>This number does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="41"/>
        <source>Type the amount in full, without exponent notation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="42"/>
        <source>Unknown locale: {locale}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="43"/>
        <source>Unsupported currency: {currency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="44"/>
        <source>Use &apos;{mark}&apos; for decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="45"/>
        <source>{currency} amounts have at most {count} decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="46"/>
        <source>{currency} amounts have at most {count} decimals; &apos;{mark}&apos; marks decimals here, so type a thousand as 1 000 or 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="51"/>
        <source>{currency} amounts have no decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="52"/>
        <source>{currency} amounts have no decimals; &apos;{mark}&apos; marks decimals here, so type a thousand as 1 000 or 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="56"/>
        <source>{value} has more decimals than {currency} allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="57"/>
        <source>{value} is not an amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="58"/>
        <source>{value} is too large an amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="23"/>
        <source>Paid — thank you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="25"/>
        <source>Payment failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="27"/>
        <source>Payment canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="29"/>
        <source>Time ran out: payment not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="31"/>
        <source>Checking the payment, please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="33"/>
        <source>Tell the cashier the code you received by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="35"/>
        <source>Confirm the payment on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="36"/>
        <source>Scan to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="63"/>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="73"/>
        <source>TRAINING — no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="87"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="117"/>
        <location filename="../../posapp/ui/screens/customer_display.py" line="188"/>
        <source>Amount to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="186"/>
        <source>Amount paid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="73"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="74"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="76"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="79"/>
        <source>Outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="81"/>
        <source>Not paid (failed, canceled, expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="85"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="93"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="94"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="105"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="106"/>
        <source>Sent to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="107"/>
        <source>Status read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="108"/>
        <source>Code asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="109"/>
        <source>Code typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="110"/>
        <location filename="../../posapp/ui/screens/history.py" line="435"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="111"/>
        <source>Reconciled by a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="112"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="113"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="126"/>
        <source>cashier {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="128"/>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="132"/>
        <source>manager {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="134"/>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="136"/>
        <source>posapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="287"/>
        <source>Search: reference, phone or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="289"/>
        <location filename="../../posapp/ui/screens/history.py" line="400"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="304"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="305"/>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="306"/>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="307"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="308"/>
        <source>Dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="319"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="320"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="336"/>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="416"/>
        <source>Choose a line to see its details and its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="432"/>
        <source>Re-check status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="438"/>
        <source>Reprint receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="449"/>
        <source>← Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="561"/>
        <source>{count}+ transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="565"/>
        <source>1 transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="567"/>
        <source>{count} transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="579"/>
        <source>No payments yet. Every payment, refund and payout appears here as soon as it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="584"/>
        <source>Nothing matches these filters or this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="812"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="813"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="814"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="815"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="816"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="818"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="821"/>
        <source>Refund of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="822"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="823"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="824"/>
        <source>Provider reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="825"/>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="826"/>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="852"/>
        <source>fees {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="38"/>
        <source>Erase the last digit (Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="39"/>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="40"/>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="41"/>
        <source>Clear the amount (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="42"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="46"/>
        <source>A PIN is made of digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="47"/>
        <source>A PIN has at least 4 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="48"/>
        <source>A PIN has at most 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="49"/>
        <source>The same digit repeated is the first PIN anyone tries. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="52"/>
        <source>Digits in a row, like 1234 or 9876, are easy to guess. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="55"/>
        <source>A repeated pattern, like 1212, is easy to guess. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="58"/>
        <source>This PIN is one of the most common ones. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="67"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="69"/>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="83"/>
        <source>Wrong PIN. 1 try left, then {name} is locked for 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="88"/>
        <source>Too many wrong PINs: {name} is locked until {time}. Another user can still sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="92"/>
        <source>{name} is disabled. A manager can enable them in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="95"/>
        <source>This user no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="120"/>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="121"/>
        <source>Erase the last digit (Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="123"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="125"/>
        <source>Confirm the PIN (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="176"/>
        <location filename="../../posapp/ui/screens/lock.py" line="177"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="203"/>
        <source>Type your PIN: at least 4 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="291"/>
        <source>The console is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="294"/>
        <source>Who is working? Touch your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="312"/>
        <source>Payments in progress are still being followed while the console is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="353"/>
        <source>Welcome to posapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="356"/>
        <source>First, create the manager: the person who approves refunds and payouts and changes the settings. Cashiers are added later, in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="370"/>
        <location filename="../../posapp/ui/screens/lock.py" line="371"/>
        <source>Manager&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="372"/>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="374"/>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="377"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="378"/>
        <source>PIN (4 to 8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="379"/>
        <source>The same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="391"/>
        <source>Create and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="505"/>
        <source>Touch your name first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="510"/>
        <source>{name}, type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="583"/>
        <source>Type the manager&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="585"/>
        <source>The two PINs are not the same. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="35"/>
        <location filename="../../posapp/ui/screens/sale.py" line="48"/>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="36"/>
        <source>Type the amount, then show a QR code for the customer to scan or push the payment to their phone.</source>
        <translation>Saisissez le montant, puis affichez un code QR à scanner par le client ou envoyez le paiement sur son téléphone.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="43"/>
        <location filename="../../posapp/ui/screens/activity.py" line="221"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="44"/>
        <source>Every payment in progress with its live status, age and actions.</source>
        <translation>Chaque paiement en cours avec son statut en direct, son ancienneté et ses actions.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="50"/>
        <location filename="../../posapp/ui/screens/history.py" line="203"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="51"/>
        <source>Every past payment, refund and payout: search, filters, details and re-check.</source>
        <translation>Tous les paiements, remboursements et versements passés : recherche, filtres, détails et nouvelle vérification.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="57"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="58"/>
        <source>The provider balance and today&apos;s takings, refunds, payouts and fees.</source>
        <translation>Le solde chez le prestataire et les encaissements, remboursements, versements et frais du jour.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="64"/>
        <source>Payouts</source>
        <translation>Versements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="65"/>
        <source>Send money to a mobile-money number or wallet, with manager approval.</source>
        <translation>Envoyer de l’argent vers un numéro mobile money ou un portefeuille, avec l’accord du gérant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="71"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="72"/>
        <source>Provider and keys, language, polling, idle lock, receipts and users.</source>
        <translation>Prestataire et clés, langue, suivi des statuts, verrouillage, reçus et utilisateurs.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="118"/>
        <source>TRAINING MODE: payments go to the built-in emulator ({provider}). No real money moves.</source>
        <translation>MODE FORMATION : les paiements vont à l’émulateur intégré ({provider}). Aucun argent réel ne circule.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="172"/>
        <source>Training mode</source>
        <translation>Mode formation</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="174"/>
        <source>Live: {provider}</source>
        <translation>En service : {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="176"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="39"/>
        <source>Take a payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="40"/>
        <source>Capture an authorized payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="41"/>
        <source>Cancel a payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="42"/>
        <source>Check a payment&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="43"/>
        <source>See the payments in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="44"/>
        <source>See the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="45"/>
        <source>Print a receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="46"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="47"/>
        <source>Payout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="48"/>
        <source>Settle an unknown outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="49"/>
        <source>See the balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="50"/>
        <source>End-of-day report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="51"/>
        <source>Change the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="52"/>
        <source>Manage users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="53"/>
        <source>Export data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="84"/>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="103"/>
        <source>Manager approval needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="131"/>
        <source>Asked by {name} ({role}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="139"/>
        <source>The approval is for this one operation only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="146"/>
        <source>Manager:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="190"/>
        <source>No manager can approve this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="193"/>
        <source>Manager, touch your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="200"/>
        <source>{name}, type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OtpDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="22"/>
        <source>Code from the customer&apos;s SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="29"/>
        <source>The customer ({phone}) received a code by SMS. Type the code they read out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="40"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="46"/>
        <source>Confirm code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="48"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="75"/>
        <source>Tries left: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="80"/>
        <source>The code has at least 4 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="87"/>
        <source>The code is not right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomePanel</name>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="17"/>
        <source>PAID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="18"/>
        <source>The money is received. Hand over the goods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="23"/>
        <source>OUTCOME UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="24"/>
        <source>Do NOT ask the customer to pay again. posapp keeps checking; see Activity, or call a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="32"/>
        <source>NOT PAID: TIME RAN OUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="33"/>
        <source>The customer did not pay in time. Start a new payment if they still want to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="40"/>
        <source>CANCELED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="41"/>
        <source>No money was taken. Start a new payment if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="45"/>
        <source>NOT PAID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="46"/>
        <source>The payment failed. Ask the customer to check their balance, or try another way to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="83"/>
        <source>New sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/placeholder.py" line="27"/>
        <source>This screen is coming in a later version.</source>
        <translation>Cet écran arrive dans une prochaine version.</translation>
    </message>
</context>
<context>
    <name>PushPaymentScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="60"/>
        <source>Type the customer&apos;s code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="64"/>
        <source>Cancel payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="113"/>
        <source>The customer received a code by SMS. Ask them to read it out, then type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="120"/>
        <source>The customer confirms the payment on their phone with their PIN. If nothing appears, they dial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="125"/>
        <source>The customer confirms the payment on their phone with their PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="157"/>
        <source>Waiting for {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../../posapp/ui/widgets/qr_code.py" line="44"/>
        <source>Payment QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/qr_code.py" line="58"/>
        <source>This link is too long for a QR code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrPaymentScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="93"/>
        <source>Ask the customer to scan this code with their phone and pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="103"/>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="105"/>
        <source>Customer screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="107"/>
        <source>Cancel payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="174"/>
        <source>Waiting for {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="64"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="73"/>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="78"/>
        <source>What is being paid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="82"/>
        <source>Customer phone (needed for a push)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="107"/>
        <source>Show QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="110"/>
        <source>Mobile Money push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="183"/>
        <source>Type the amount first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="192"/>
        <source>Type the customer&apos;s phone number to push the payment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="14"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="15"/>
        <source>Waiting for the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="16"/>
        <source>Code needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="17"/>
        <source>Authorized, to capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="18"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="19"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="20"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="21"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="22"/>
        <source>Outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="23"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="24"/>
        <source>Partly refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPhonePanel</name>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="290"/>
        <source>TRAINING — emulated customer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="298"/>
        <source>This phone&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="305"/>
        <source>The number the customer pays payment links with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="326"/>
        <source>Payment requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="329"/>
        <source>Payment links (QR code scanned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="332"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="335"/>
        <source>Nothing on this phone yet. Start a payment at the till: codes, requests and links appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="407"/>
        <source>The training emulator of {provider} does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="509"/>
        <source>{provider} asks you to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="517"/>
        <source>To {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="524"/>
        <source>Read this SMS code to the cashier, then approve:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="530"/>
        <source>Read the SMS code to the cashier first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="538"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="542"/>
        <location filename="../../posapp/ui/screens/training_phone.py" line="580"/>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="545"/>
        <source>Ignore (let it expire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="549"/>
        <source>The customer never answers: the payment expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="564"/>
        <source>{provider} checkout page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="571"/>
        <source>Open the checkout page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="577"/>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="583"/>
        <source>Walk away without paying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="587"/>
        <source>The customer leaves without paying: the link expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="608"/>
        <source>SMS from {sender} to {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="648"/>
        <source>The training emulator does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="73"/>
        <source>QR payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="74"/>
        <source>Push payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="75"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="76"/>
        <source>Payout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="89"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="90"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="91"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="92"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="93"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="94"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="95"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="96"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="97"/>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="98"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
