<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="35"/>
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
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/placeholder.py" line="27"/>
        <source>This screen is coming in a later version.</source>
        <translation>Cet écran arrive dans une prochaine version.</translation>
    </message>
</context>
</TS>
