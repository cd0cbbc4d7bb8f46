<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../posapp/ui/actions.py" line="52"/>
        <source>the disk that holds it is full</source>
        <translation>le disque qui le contient est plein</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="53"/>
        <source>the disk reports an error</source>
        <translation>le disque signale une erreur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="54"/>
        <source>another program holds the journal file</source>
        <translation>un autre programme tient le fichier du journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="55"/>
        <source>its folder or file cannot be written</source>
        <translation>son dossier ou son fichier ne peut pas être écrit</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="56"/>
        <source>the journal file is damaged</source>
        <translation>le fichier du journal est endommagé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="57"/>
        <source>the journal file cannot be opened</source>
        <translation>le fichier du journal ne peut pas être ouvert</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="68"/>
        <source>The journal cannot be written: {why}. An answer from the provider is kept in memory and written as soon as it can be. Until then its outcome is not known: do not repeat that payment, refund or payout.</source>
        <translation>Le journal ne peut pas être écrit : {why}. Une réponse de l’opérateur est gardée en mémoire et sera écrite dès que possible. D’ici là, son résultat n’est pas connu : ne refaites pas ce paiement, ce remboursement ou ce versement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="83"/>
        <source>Nothing was sent: the disk that holds the journal is full. Free some space, then try again.</source>
        <translation>Rien n’a été envoyé : le disque qui contient le journal est plein. Libérez de la place, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="86"/>
        <source>Nothing was sent: the journal cannot be written ({why}). Fix it, then try again.</source>
        <translation>Rien n’a été envoyé : le journal ne peut pas être écrit ({why}). Corrigez cela, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="90"/>
        <source>An earlier request of this amount to this phone has no known outcome yet: the customer may already have paid. Do not push it again; wait for it in Activity.</source>
        <translation>Une demande précédente de ce montant vers ce téléphone n’a pas encore de résultat connu : le client a peut-être déjà payé. Ne la renvoyez pas ; attendez-la dans Activité.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="97"/>
        <source>Not sent: an earlier refund or payout of the same amount to the same person has an unknown outcome and may already have been paid. A manager must settle it in Activity or History first.</source>
        <translation>Non envoyé : un remboursement ou un versement précédent du même montant à la même personne a un résultat inconnu et a peut-être déjà été payé. Un responsable doit d’abord le régler dans Activité ou Historique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="102"/>
        <source>Not sent: an earlier refund or payout of the same amount to the same person is not finished yet and may already have been paid. Wait for its outcome in Activity; nothing must be paid twice.</source>
        <translation>Non envoyé : un remboursement ou un versement précédent du même montant à la même personne n’est pas encore terminé et a peut-être déjà été payé. Attendez son résultat dans Activité ; rien ne doit être payé deux fois.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="116"/>
        <source>No clear answer from the provider: this may or may not have gone through. Do not try again; its status is being checked in Activity.</source>
        <translation>Pas de réponse claire du prestataire&#x202f;: l’opération est peut-être passée, ou pas. Ne réessayez pas&#x202f;; son statut est vérifié dans Activité.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="123"/>
        <source>The code is not right.</source>
        <translation>Le code est incorrect.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="127"/>
        <source>The provider refused this request.</source>
        <translation>Le prestataire a refusé cette demande.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="130"/>
        <source>The provider refused our keys. Ask a manager to check the settings.</source>
        <translation>Le prestataire a refusé nos clés. Demandez à un gérant de vérifier les réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="134"/>
        <source>The provider cannot be reached. Check the connection and try again.</source>
        <translation>Le prestataire est injoignable. Vérifiez la connexion et réessayez.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="138"/>
        <source>This provider cannot do that.</source>
        <translation>Ce prestataire ne permet pas cette opération.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="140"/>
        <source>The provider answered with an error.</source>
        <translation>Le prestataire a répondu par une erreur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="146"/>
        <source>The journal cannot be written ({why}): nothing was done.</source>
        <translation>Le journal ne peut pas être écrit ({why}) : rien n’a été fait.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/actions.py" line="149"/>
        <source>Something went wrong; it has been logged. Please try again.</source>
        <translation>Une erreur s’est produite&#x202f;; elle a été enregistrée. Veuillez réessayer.</translation>
    </message>
</context>
<context>
    <name>ActivityScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="47"/>
        <source>{hours} h {minutes:02d}</source>
        <translation>{hours}&#xa0;h&#xa0;{minutes:02d}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="56"/>
        <source>QR code</source>
        <translation>Code QR</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="57"/>
        <source>Phone push</source>
        <translation>Demande sur téléphone</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="58"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="59"/>
        <source>Payout</source>
        <translation>Versement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="60"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="124"/>
        <source>Capture…</source>
        <translation>Encaisser…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="127"/>
        <location filename="../../posapp/ui/screens/activity.py" line="158"/>
        <source>Take the money of this authorized card payment (all or part)</source>
        <translation>Encaisser ce paiement par carte autorisé (en tout ou en partie)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="129"/>
        <source>Show QR again</source>
        <translation>Réafficher le code QR</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="130"/>
        <source>Re-check now</source>
        <translation>Revérifier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="131"/>
        <source>Stop following</source>
        <translation>Ne plus suivre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="134"/>
        <source>Settle…</source>
        <translation>Régler…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="137"/>
        <location filename="../../posapp/ui/screens/activity.py" line="153"/>
        <source>A manager records whether it went through</source>
        <translation>Un responsable note si elle a abouti</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="165"/>
        <source>Show this payment&apos;s QR code again</source>
        <translation>Afficher à nouveau le code QR de ce paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="170"/>
        <source>Ask the provider about it now</source>
        <translation>Interroger le prestataire maintenant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="175"/>
        <source>Stop waiting for it (a payment made anyway is still recorded)</source>
        <translation>Ne plus l’attendre (un paiement fait malgré tout est quand même enregistré)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="217"/>
        <source>Do not ask the customer to pay again: the outcome is being checked.</source>
        <translation>Ne redemandez pas le paiement au client&#x202f;: le résultat est en cours de vérification.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="228"/>
        <source>The card is authorized: capture the payment to receive the money.</source>
        <translation>La carte est autorisée&#x202f;: encaissez le paiement pour recevoir l’argent.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="253"/>
        <source>Started {age} ago</source>
        <translation>Lancé il y a {age}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="326"/>
        <source>No payment in progress</source>
        <translation>Aucun paiement en cours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="329"/>
        <source>Payments waiting for a customer appear here, with their live status.</source>
        <translation>Les paiements en attente d’un client s’affichent ici, avec leur statut en direct.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="487"/>
        <source>{count} in progress</source>
        <translation>{count} en cours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="512"/>
        <source>The provider cannot be reached since {time}; payments are still being checked.</source>
        <translation>Le prestataire est injoignable depuis {time}&#x202f;; les paiements sont toujours vérifiés.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/activity.py" line="524"/>
        <source>Connection back</source>
        <translation>Connexion rétablie</translation>
    </message>
</context>
<context>
    <name>AmountInput</name>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="93"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="155"/>
        <source>{currency} amounts have no decimals: “{key}” was not taken.</source>
        <translation>Les montants en {currency} n’ont pas de décimales : « {key} » n’a pas été pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="159"/>
        <source>The amount already has its decimal mark: “{key}” was not taken.</source>
        <translation>Le montant a déjà sa virgule : « {key} » n’a pas été pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="168"/>
        <source>At most {count} digits: “{key}” was not taken.</source>
        <translation>{count} chiffres au plus : « {key} » n’a pas été pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="173"/>
        <source>{currency} amounts have at most {count} decimals: “{key}” was not taken.</source>
        <translation>Les montants en {currency} ont au plus {count} décimales : « {key} » n’a pas été pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="183"/>
        <source>{amount} is more than {limit}, {why}: “{key}” was not taken.</source>
        <translation>{amount} dépasse {limit}, {why} : « {key} » n’a pas été pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="194"/>
        <source>An amount cannot be negative: “{key}” was not taken.</source>
        <translation>Un montant ne peut pas être négatif : « {key} » n’a pas été pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="197"/>
        <source>Only digits make an amount: “{key}” was not taken.</source>
        <translation>Un montant ne contient que des chiffres : « {key} » n’a pas été pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/amount_input.py" line="212"/>
        <source>A scanner typed a code here: it was not taken as the amount. Type the amount.</source>
        <translation>Un lecteur de codes a tapé un code ici : il n’a pas été pris comme montant. Tapez le montant.</translation>
    </message>
</context>
<context>
    <name>BalanceScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="42"/>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="44"/>
        <source>{minutes} min ago</source>
        <translation>il y a {minutes}&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="45"/>
        <source>{hours} h ago</source>
        <translation>il y a {hours}&#xa0;h</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="111"/>
        <source>Manager only</source>
        <translation>Réservé au gérant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="114"/>
        <source>The balance and the day&apos;s totals are for managers. A manager can unlock them here with their PIN; they lock again when you leave this screen.</source>
        <translation>Le solde et les totaux du jour sont réservés aux gérants. Un gérant peut les déverrouiller ici avec son code PIN&#x202f;; ils se verrouillent à nouveau quand vous quittez cet écran.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="122"/>
        <source>Unlock as manager</source>
        <translation>Déverrouiller (gérant)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="126"/>
        <source>A manager types their PIN</source>
        <translation>Un gérant tape son code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="189"/>
        <source>Balance at {provider}</source>
        <translation>Solde chez {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="191"/>
        <source>Balance at the provider</source>
        <translation>Solde chez le prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="203"/>
        <location filename="../../posapp/ui/screens/balance.py" line="329"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="209"/>
        <source>Ask the provider for the balance</source>
        <translation>Demander le solde au prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="221"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="229"/>
        <source>Payments received</source>
        <translation>Paiements reçus</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="230"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="231"/>
        <source>Payouts</source>
        <translation>Versements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="232"/>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="233"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="265"/>
        <source>Takings</source>
        <translation>Encaissements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="272"/>
        <source>Today, per hour</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="273"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="300"/>
        <source>This provider does not report a balance.</source>
        <translation>Ce prestataire n’indique pas de solde.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="304"/>
        <source>Not read yet.</source>
        <translation>Pas encore lu.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="319"/>
        <source>Read at {time} ({ago})</source>
        <translation>Lu à {time} ({ago})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="327"/>
        <source>Reading...</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="335"/>
        <source>Not refreshed: {reason}</source>
        <translation>Non actualisé&#x202f;: {reason}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/balance.py" line="365"/>
        <source>{count} with an unknown outcome, not counted: see Activity or History.</source>
        <translation>{count} à résultat inconnu (non compris)&#x202f;: voir Activité ou Historique.</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="44"/>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="51"/>
        <source>Capture the card payment</source>
        <translation>Encaisser le paiement par carte</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="60"/>
        <source>The customer&apos;s card is authorized for this amount. Capturing takes the money; whatever is not captured goes back to the customer.</source>
        <translation>La carte du client est autorisée pour ce montant. L’encaissement prélève l’argent&#x202f;; ce qui n’est pas encaissé revient au client.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="69"/>
        <source>The whole amount ({amount})</source>
        <translation>Le montant total ({amount})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="72"/>
        <source>Only part of it:</source>
        <translation>Une partie seulement&#x202f;:</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="81"/>
        <source>Amount to capture</source>
        <translation>Montant à encaisser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="91"/>
        <source>Capture</source>
        <translation>Encaisser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="94"/>
        <source>Not now</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="100"/>
        <source>Capture the whole amount</source>
        <translation>Capturer tout le montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="101"/>
        <source>Capture only part of it</source>
        <translation>N’en capturer qu’une partie</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="103"/>
        <source>Take the money now</source>
        <translation>Prendre l’argent maintenant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="106"/>
        <source>Close; nothing is captured</source>
        <translation>Fermer ; rien n’est capturé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="108"/>
        <source>How much of it to take</source>
        <translation>Combien prendre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="120"/>
        <source>This provider only captures the whole amount.</source>
        <translation>Ce prestataire n’encaisse que le montant total.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="158"/>
        <source>Type the amount to capture.</source>
        <translation>Saisissez le montant à encaisser.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/capture_dialog.py" line="167"/>
        <source>Capture at most {amount}.</source>
        <translation>Encaissez au plus {amount}.</translation>
    </message>
</context>
<context>
    <name>CashTender</name>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="42"/>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="47"/>
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="49"/>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="53"/>
        <source>Cash given</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="55"/>
        <source>What the customer hands over: type it or tap the notes</source>
        <translation>Ce que le client remet&#x202f;: tapez-le ou touchez les billets</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="67"/>
        <source>Add a note of {amount}</source>
        <translation>Ajouter un billet de {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="76"/>
        <source>Exact amount</source>
        <translation>Montant exact</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="78"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="85"/>
        <source>The customer gives exactly what is due</source>
        <translation>Le client donne exactement le montant dû</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="91"/>
        <source>Clear the cash given and type it again</source>
        <translation>Effacer les espèces reçues et les saisir de nouveau</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="97"/>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="102"/>
        <source>Change to give back</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="107"/>
        <source>Take the cash</source>
        <translation>Encaisser les espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="115"/>
        <source>Take the cash and show the change</source>
        <translation>Encaisser les espèces et afficher la monnaie</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/cash_tender.py" line="182"/>
        <source>Still to pay after this cash: {amount}. Take it by QR code or by phone.</source>
        <translation>Reste à payer après ces espèces : {amount}. Encaissez-le par code QR ou par téléphone.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="181"/>
        <location filename="../../posapp/ui/wiring/controller.py" line="518"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="205"/>
        <source>the smallest payment {provider} takes</source>
        <translation>le plus petit paiement accepté par {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="210"/>
        <source>the largest payment {provider} takes</source>
        <translation>le plus gros paiement accepté par {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="216"/>
        <source>the shop&apos;s largest sale (Settings)</source>
        <translation>la plus grosse vente de la boutique (Réglages)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="234"/>
        <source>Still connecting to the provider; try again in a moment.</source>
        <translation>Connexion au prestataire en cours&#x202f;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="326"/>
        <source>This payment has no link to show.</source>
        <translation>Ce paiement n’a pas de lien à afficher.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="336"/>
        <source>Cancel this payment?</source>
        <translation>Annuler ce paiement&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="337"/>
        <source>Stop waiting for this payment? If the customer pays anyway, posapp will still record it.</source>
        <translation>Ne plus attendre ce paiement&#x202f;? Si le client paie quand même, posapp l’enregistrera.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="370"/>
        <source>This payment is no longer waiting for a capture.</source>
        <translation>Ce paiement n’attend plus d’encaissement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="407"/>
        <source>No clear answer from the provider about the capture. Do not capture again: posapp keeps checking.</source>
        <translation>Pas de réponse claire du prestataire sur l’encaissement. N’encaissez pas à nouveau&#x202f;: posapp continue de vérifier.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="413"/>
        <source>Captured {captured} of the {authorized} authorized.</source>
        <translation>Encaissé&#x202f;: {captured} sur {authorized} autorisés.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="416"/>
        <source>Captured {amount}.</source>
        <translation>Encaissé&#x202f;: {amount}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="447"/>
        <source>The code is not right.</source>
        <translation>Le code n’est pas bon.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="498"/>
        <source>A payment&apos;s outcome is unknown: see Activity.</source>
        <translation>Le résultat d’un paiement est inconnu&#x202f;: voir Activité.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="508"/>
        <source>The journal is written again: every answer it missed is in it.</source>
        <translation>Le journal est de nouveau écrit : toutes les réponses qui lui manquaient y sont.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/controller.py" line="513"/>
        <source>Provider not reachable</source>
        <translation>Prestataire injoignable</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="16"/>
        <source>&apos;{other}&apos; could be a decimal point here: use &apos;{mark}&apos; for decimals and a space between thousands.</source>
        <translation>«&#x202f;{other}&#x202f;» pourrait être ici un séparateur décimal&#x202f;: utilisez «&#x202f;{mark}&#x202f;» pour les décimales et une espace entre les milliers.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="20"/>
        <source>A phone number has digits only.</source>
        <translation>Un numéro de téléphone ne contient que des chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="21"/>
        <source>Cameroonian numbers have no leading 0: type the 9 digits (6XX XX XX XX).</source>
        <translation>Les numéros camerounais ne commencent pas par 0&#x202f;: tapez les 9 chiffres (6XX XX XX XX).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="22"/>
        <source>Digits are grouped by three.</source>
        <translation>Les chiffres sont groupés par trois.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="23"/>
        <source>Enter an amount.</source>
        <translation>Saisissez un montant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="24"/>
        <source>Enter the customer&apos;s phone number.</source>
        <translation>Saisissez le numéro de téléphone du client.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="25"/>
        <source>Mobile money is available for Orange and MTN numbers only, not {operator}.</source>
        <translation>Le mobile money n’est possible qu’avec des numéros Orange et MTN, pas {operator}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="26"/>
        <source>Mobile money is available for Orange and MTN numbers only.</source>
        <translation>Le mobile money n’est possible qu’avec des numéros Orange et MTN.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="27"/>
        <source>Only digits may follow &apos;{mark}&apos;.</source>
        <translation>Seuls des chiffres peuvent suivre «&#x202f;{mark}&#x202f;».</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="28"/>
        <source>The amount cannot be negative.</source>
        <translation>Le montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="29"/>
        <source>The amount has more than one &apos;{mark}&apos;.</source>
        <translation>Le montant contient plus d’un «&#x202f;{mark}&#x202f;».</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="30"/>
        <source>The amount is too large (at most {count} digits).</source>
        <translation>Le montant est trop élevé ({count} chiffres au maximum).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="31"/>
        <source>The amount may contain digits only.</source>
        <translation>Le montant ne peut contenir que des chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="32"/>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="33"/>
        <source>The number has too many digits.</source>
        <translation>Le numéro a trop de chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="34"/>
        <source>The number is too short.</source>
        <translation>Le numéro est trop court.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="35"/>
        <source>This is a foreign number (+{code}); mobile money needs a Cameroonian number (+237).</source>
        <translation>C’est un numéro étranger (+{code})&#x202f;; le mobile money exige un numéro camerounais (+237).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="38"/>
        <source>This is a landline number; mobile money needs a mobile number.</source>
        <translation>C’est un numéro fixe&#x202f;; le mobile money exige un numéro mobile.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="39"/>
        <source>This is not a phone number.</source>
        <translation>Ce n’est pas un numéro de téléphone.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="40"/>
        <source>This number does not exist.</source>
        <translation>Ce numéro n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="41"/>
        <source>Type the amount in full, without exponent notation.</source>
        <translation>Saisissez le montant en entier, sans notation exponentielle.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="42"/>
        <source>Unknown locale: {locale}</source>
        <translation>Paramètres régionaux inconnus&#x202f;: {locale}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="43"/>
        <source>Unsupported currency: {currency}</source>
        <translation>Devise non prise en charge&#x202f;: {currency}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="44"/>
        <source>Use &apos;{mark}&apos; for decimals.</source>
        <translation>Utilisez «&#x202f;{mark}&#x202f;» pour les décimales.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="45"/>
        <source>{currency} amounts have at most {count} decimals.</source>
        <translation>Les montants en {currency} ont au plus {count} décimales.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="46"/>
        <source>{currency} amounts have at most {count} decimals; &apos;{mark}&apos; marks decimals here, so type a thousand as 1 000 or 1000.</source>
        <translation>Les montants en {currency} ont au plus {count} décimales&#x202f;; ici «&#x202f;{mark}&#x202f;» marque les décimales, donc écrivez mille sous la forme 1&#xa0;000 ou 1000.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="51"/>
        <source>{currency} amounts have no decimals.</source>
        <translation>Les montants en {currency} n’ont pas de décimales.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="52"/>
        <source>{currency} amounts have no decimals; &apos;{mark}&apos; marks decimals here, so type a thousand as 1 000 or 1000.</source>
        <translation>Les montants en {currency} n’ont pas de décimales&#x202f;; ici «&#x202f;{mark}&#x202f;» marque les décimales, donc écrivez mille sous la forme 1&#xa0;000 ou 1000.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="56"/>
        <source>{value} has more decimals than {currency} allows</source>
        <translation>{value} a plus de décimales que {currency} n’en autorise</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="57"/>
        <source>{value} is not an amount</source>
        <translation>{value} n’est pas un montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="58"/>
        <source>{value} is too large an amount</source>
        <translation>{value} est un montant trop élevé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="60"/>
        <source>The cash given is in {given}, the sale in {due}.</source>
        <translation>Les espèces reçues sont en {given}, la vente en {due}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="61"/>
        <source>The cash given must be more than zero.</source>
        <translation>Les espèces reçues doivent être supérieures à zéro.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="62"/>
        <source>Nothing is due.</source>
        <translation>Il n’y a rien à payer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="63"/>
        <source>There is no list of notes and coins for {currency}: count the total.</source>
        <translation>Il n’y a pas de liste de billets et de pièces pour {currency} : comptez le total.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="64"/>
        <source>{value} is not a note or coin of {currency}.</source>
        <translation>{value} n’est ni un billet ni une pièce en {currency}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="65"/>
        <source>The number of {value} pieces must be a whole number, zero or more.</source>
        <translation>Le nombre de pièces de {value} doit être un nombre entier, zéro ou plus.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/core_messages.py" line="66"/>
        <source>{number} pieces of {value} is more than a drawer holds.</source>
        <translation>{number} pièces de {value}, c’est plus qu’un tiroir-caisse n’en contient.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="24"/>
        <source>Paid — thank you</source>
        <translation>Payé — merci</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="26"/>
        <source>Payment failed</source>
        <translation>Paiement échoué</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="28"/>
        <source>Payment canceled</source>
        <translation>Paiement annulé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="30"/>
        <source>Time ran out: payment not made</source>
        <translation>Délai dépassé&#x202f;: non payé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="32"/>
        <source>Checking the payment, please wait</source>
        <translation>Vérification, veuillez patienter</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="34"/>
        <source>Tell the cashier the code you received by SMS</source>
        <translation>Donnez au caissier le code reçu par SMS</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="36"/>
        <source>Confirm the payment on your phone</source>
        <translation>Confirmez sur votre téléphone</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="37"/>
        <source>Scan to pay</source>
        <translation>Scannez pour payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="64"/>
        <source>Customer display</source>
        <translation>Écran client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="74"/>
        <source>TRAINING — no real money</source>
        <translation>FORMATION — pas d’argent réel</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="88"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="118"/>
        <location filename="../../posapp/ui/screens/customer_display.py" line="189"/>
        <source>Amount to pay</source>
        <translation>Montant à payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/customer_display.py" line="187"/>
        <source>Amount paid</source>
        <translation>Montant payé</translation>
    </message>
</context>
<context>
    <name>DrawerCount</name>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="35"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="42"/>
        <source>Close; nothing is recorded</source>
        <translation>Fermer&#x202f;; rien n’est enregistré</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="66"/>
        <source>Count the drawer</source>
        <translation>Compter la caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="71"/>
        <source>Drawer of {cashier}</source>
        <translation>Caisse de {cashier}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="80"/>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="255"/>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="272"/>
        <source>Opening float</source>
        <translation>Fonds de caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="81"/>
        <source>Cash sales</source>
        <translation>Ventes en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="82"/>
        <source>Cash refunds</source>
        <translation>Remboursements en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="83"/>
        <source>Cash paid out</source>
        <translation>Sorties d&apos;espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="90"/>
        <source>Expected in the drawer</source>
        <translation>Attendu dans la caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="99"/>
        <source>Count by note and coin</source>
        <translation>Compter billet par billet</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="100"/>
        <source>Type the total</source>
        <translation>Saisir le total</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="102"/>
        <source>Type how many of each note and coin the drawer holds</source>
        <translation>Saisir combien de billets et de pièces de chaque valeur contient le tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="105"/>
        <source>Type the total counted in the drawer</source>
        <translation>Saisir le total compté dans le tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="127"/>
        <source>Number of {value}</source>
        <translation>Nombre de {value}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="129"/>
        <source>How many pieces of {value} the drawer holds</source>
        <translation>Combien de pièces de {value} contient le tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="142"/>
        <source>Total counted</source>
        <translation>Total compté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="143"/>
        <source>All the cash in the drawer</source>
        <translation>Toutes les espèces du tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="149"/>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="154"/>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="167"/>
        <source>Note (optional)</source>
        <translation>Remarque (facultative)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="168"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="170"/>
        <source>Why the drawer is short or over, if you know</source>
        <translation>Pourquoi le tiroir a un manque ou un excédent, si vous le savez</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="174"/>
        <source>Save the count</source>
        <translation>Enregistrer le comptage</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="175"/>
        <source>Record the count and its difference in the journal</source>
        <translation>Enregistrer le comptage et son écart dans le journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="223"/>
        <source>{amount} is missing from the drawer.</source>
        <translation>Il manque {amount} dans la caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="226"/>
        <source>The drawer holds {amount} more than expected.</source>
        <translation>La caisse contient {amount} de plus que prévu.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="229"/>
        <source>The drawer holds exactly what is expected.</source>
        <translation>La caisse contient exactement le montant attendu.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="260"/>
        <source>Opening float of {cashier}</source>
        <translation>Fonds de caisse de {cashier}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="264"/>
        <source>Count the cash in the drawer before the first sale: the day&apos;s count starts from it.</source>
        <translation>Comptez les espèces de la caisse avant la première vente : le comptage du jour part de ce montant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="274"/>
        <source>The cash in the drawer before the first sale</source>
        <translation>Les espèces du tiroir avant la première vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="282"/>
        <source>Add {amount} to the float</source>
        <translation>Ajouter {amount} au fonds de caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="291"/>
        <source>Start the shift</source>
        <translation>Commencer le service</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/drawer_count.py" line="292"/>
        <source>Record the opening float in the journal</source>
        <translation>Enregistrer le fonds de caisse dans le journal</translation>
    </message>
</context>
<context>
    <name>EndOfDayScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="112"/>
        <source>Whole shop</source>
        <translation>Toute la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="113"/>
        <source>(no cashier)</source>
        <translation>(sans caissier)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="133"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="205"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="234"/>
        <source>TRAINING MODE: no real money moved.</source>
        <translation>MODE FORMATION&#x202f;: aucun argent réel n’a circulé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="110"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="237"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="384"/>
        <location filename="../../posapp/ui/wiring/settings.py" line="66"/>
        <location filename="../../posapp/ui/wiring/settings.py" line="230"/>
        <source>End-of-day report</source>
        <translation>Rapport de fin de journée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="241"/>
        <source>Printed {when}</source>
        <translation>Imprimé le {when}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="244"/>
        <source>No transactions on this day.</source>
        <translation>Aucune transaction ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="248"/>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="249"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="250"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="251"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="356"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="142"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="267"/>
        <source>Takings</source>
        <translation>Encaissements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="272"/>
        <source>of which in cash</source>
        <translation>dont en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="278"/>
        <source>of which by mobile money</source>
        <translation>dont en paiement mobile</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="143"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="286"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="144"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="292"/>
        <source>Payouts</source>
        <translation>Versements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="145"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="297"/>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="146"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="298"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="306"/>
        <source>Failed: {failed} · Canceled: {canceled} · Expired: {expired} · Unknown outcome: {unknown}</source>
        <translation>Échoués&#x202f;: {failed} · Annulés&#x202f;: {canceled} · Expirés&#x202f;: {expired} · Résultat inconnu&#x202f;: {unknown}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="317"/>
        <source>Opening float</source>
        <translation>Fonds de caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="318"/>
        <source>Cash sales</source>
        <translation>Ventes en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="319"/>
        <source>Cash refunds</source>
        <translation>Remboursements en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="320"/>
        <source>Paid out</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="321"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="322"/>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="323"/>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="327"/>
        <source>not counted</source>
        <translation>non compté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="339"/>
        <source>The drawer was opened {count} times without a sale.</source>
        <translation>Le tiroir a été ouvert {count} fois sans vente.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="341"/>
        <source>Unknown outcomes to reconcile</source>
        <translation>Résultats inconnus à régulariser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="344"/>
        <source>None: every transaction of the day has a known outcome.</source>
        <translation>Aucun&#x202f;: chaque transaction du jour a un résultat connu.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="347"/>
        <source>Check each one with the provider before the till is closed; do not take the payment again.</source>
        <translation>Vérifiez chacune auprès du prestataire avant de fermer la caisse&#x202f;; ne redemandez pas le paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="354"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="355"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="357"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="316"/>
        <location filename="../../posapp/ui/screens/reports_render.py" line="358"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/reports_render.py" line="359"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="116"/>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="126"/>
        <source>Previous day</source>
        <translation>Jour précédent</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="119"/>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="127"/>
        <source>Next day</source>
        <translation>Jour suivant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="124"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="128"/>
        <source>Today&apos;s report</source>
        <translation>Le rapport d’aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="129"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="130"/>
        <source>The day of the report</source>
        <translation>Le jour du rapport</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="147"/>
        <source>Unknown</source>
        <translation>Inconnus</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="162"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="164"/>
        <source>The day&apos;s totals and every transaction of the day</source>
        <translation>Les totaux du jour et chaque transaction du jour</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="176"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="178"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="185"/>
        <source>Print the report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="189"/>
        <source>Save the report as a PDF file</source>
        <translation>Enregistrer le rapport en fichier PDF</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="194"/>
        <source>The day&apos;s transactions as a CSV file</source>
        <translation>Les transactions du jour en fichier CSV</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="269"/>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="271"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="279"/>
        <source>Export the day as CSV</source>
        <translation>Exporter la journée en CSV</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="281"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="295"/>
        <source>Report saved: {path}</source>
        <translation>Rapport enregistré&#x202f;: {path}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="307"/>
        <source>Report sent to the printer.</source>
        <translation>Rapport envoyé à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="317"/>
        <source>Export CSV (manager)</source>
        <translation>Exporter en CSV (gérant)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="319"/>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="328"/>
        <source>Exporting needs a manager.</source>
        <translation>L’export nécessite un gérant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="333"/>
        <source>Export canceled: no manager approved it.</source>
        <translation>Export annulé&#x202f;: aucun gérant ne l’a approuvé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/end_of_day.py" line="352"/>
        <source>{rows} transactions exported to {path}</source>
        <translation>{rows} transactions exportées vers {path}</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="75"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="76"/>
        <location filename="../../posapp/ui/screens/history.py" line="1025"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="78"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="81"/>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="83"/>
        <source>Not paid (failed, canceled, expired)</source>
        <translation>Non payé (échoué, annulé, expiré)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="87"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="95"/>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="97"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="111"/>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="112"/>
        <source>Sent to the provider</source>
        <translation>Envoyé au prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="113"/>
        <source>Status read</source>
        <translation>Statut consulté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="114"/>
        <source>Code asked</source>
        <translation>Code demandé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="115"/>
        <source>Code typed</source>
        <translation>Code saisi</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="116"/>
        <source>Code accepted</source>
        <translation>Code accepté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="117"/>
        <location filename="../../posapp/ui/screens/history.py" line="118"/>
        <source>Code refused</source>
        <translation>Code refusé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="119"/>
        <source>No answer to the code</source>
        <translation>Pas de réponse au code</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="121"/>
        <source>Refund</source>
        <comment>timeline: a refund of this payment</comment>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="122"/>
        <source>Settled by a manager</source>
        <translation>Réglé par un responsable</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="123"/>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="124"/>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="125"/>
        <source>No answer from the provider</source>
        <translation>Pas de réponse du prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="126"/>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="127"/>
        <source>Refused by the provider</source>
        <translation>Refusé par le prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="128"/>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="129"/>
        <source>Answer did not match</source>
        <translation>Réponse incohérente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="130"/>
        <source>Capture asked</source>
        <translation>Encaissement demandé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="131"/>
        <source>Captured</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="132"/>
        <source>Capture checked</source>
        <translation>Encaissement vérifié</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="133"/>
        <source>No answer to the capture</source>
        <translation>Pas de réponse à l’encaissement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="134"/>
        <source>Capture refused</source>
        <translation>Encaissement refusé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="135"/>
        <source>Capture not sent</source>
        <translation>Encaissement non envoyé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="136"/>
        <source>Training session ended</source>
        <translation>Fin de la session de formation</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="150"/>
        <source>cashier {name}</source>
        <translation>caissier {name}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="152"/>
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="156"/>
        <source>manager {name}</source>
        <translation>gérant {name}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="158"/>
        <source>manager</source>
        <translation>gérant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="160"/>
        <source>posapp</source>
        <translation>posapp</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="220"/>
        <location filename="../../posapp/ui/screens/history.py" line="1011"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="325"/>
        <source>Search: reference, phone or reason</source>
        <translation>Rechercher : référence, téléphone ou motif</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="327"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="330"/>
        <source>Search by reference, phone number or reason</source>
        <translation>Rechercher par référence, numéro de téléphone ou motif</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="333"/>
        <location filename="../../posapp/ui/screens/history.py" line="488"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="339"/>
        <location filename="../../posapp/ui/screens/history.py" line="493"/>
        <source>Show every transaction again</source>
        <translation>Afficher à nouveau toutes les transactions</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="353"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="354"/>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="355"/>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="356"/>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="357"/>
        <source>Dates…</source>
        <translation>Dates…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="367"/>
        <source>Show this period: {period}</source>
        <translation>Afficher cette période : {period}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="373"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="374"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="390"/>
        <source>All providers</source>
        <translation>Tous les prestataires</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="407"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="409"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="412"/>
        <source>The first day shown</source>
        <translation>Le premier jour affiché</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="414"/>
        <source>The last day shown</source>
        <translation>Le dernier jour affiché</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="424"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="425"/>
        <source>Show only the transactions of this status</source>
        <translation>N’afficher que les transactions de ce statut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="429"/>
        <source>Show only payments, refunds or payouts</source>
        <translation>N’afficher que les paiements, remboursements ou versements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="433"/>
        <source>Show only one provider&apos;s transactions</source>
        <translation>N’afficher que les transactions d’un prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="449"/>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="451"/>
        <source>Every payment, refund and payout, newest first; Enter opens one</source>
        <translation>Chaque paiement, remboursement et versement, le plus récent d’abord ; Entrée en ouvre un</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="510"/>
        <source>Choose a line to see its details and its timeline.</source>
        <translation>Choisissez une ligne pour voir ses détails et son historique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="526"/>
        <source>Re-check status</source>
        <translation>Revérifier le statut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="530"/>
        <source>Refund</source>
        <comment>button: refund this payment</comment>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="534"/>
        <source>Reprint receipt</source>
        <translation>Réimprimer le reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="538"/>
        <source>Capture…</source>
        <translation>Encaisser…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="543"/>
        <source>Settle the outcome…</source>
        <translation>Régler le résultat…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="551"/>
        <source>Ask the provider about it now</source>
        <translation>Interroger le prestataire maintenant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="553"/>
        <source>Give money back to the payer</source>
        <translation>Rendre de l’argent au payeur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="554"/>
        <source>Print the receipt again</source>
        <translation>Imprimer à nouveau le reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="558"/>
        <source>Take the money of this authorized card payment</source>
        <translation>Prendre l’argent de ce paiement par carte autorisé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="563"/>
        <source>A manager records whether it went through</source>
        <translation>Un gérant enregistre s’il est passé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="574"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="576"/>
        <source>The transaction&apos;s details and everything that happened to it</source>
        <translation>Les détails de la transaction et tout ce qui lui est arrivé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="578"/>
        <source>← Back to the list</source>
        <translation>← Retour à la liste</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="693"/>
        <source>{count}+ transactions</source>
        <translation>{count}+ transactions</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="697"/>
        <source>1 transaction</source>
        <translation>1 transaction</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="699"/>
        <source>{count} transactions</source>
        <translation>{count} transactions</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="711"/>
        <source>No payments yet. Every payment, refund and payout appears here as soon as it starts.</source>
        <translation>Aucun paiement pour l’instant. Chaque paiement, remboursement et versement apparaît ici dès qu’il commence.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="716"/>
        <source>Nothing matches these filters or this search.</source>
        <translation>Rien ne correspond à ces filtres ni à cette recherche.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="428"/>
        <location filename="../../posapp/ui/screens/history.py" line="1068"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1024"/>
        <source>Sale total</source>
        <translation>Total de la vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1028"/>
        <source>Still to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1030"/>
        <source>Voided</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1041"/>
        <source>cash given {given}, change {change}</source>
        <translation>espèces reçues {given}, monnaie {change}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1047"/>
        <source>{amount} refunded</source>
        <translation>{amount} remboursés</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1054"/>
        <source>{tender} (this one)</source>
        <translation>{tender} (celui-ci)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1059"/>
        <source>Sale {ref}</source>
        <translation>Vente {ref}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1060"/>
        <source>Tenders</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1069"/>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1070"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1071"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1072"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1074"/>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1077"/>
        <source>Refund of</source>
        <translation>Remboursement de</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1078"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="432"/>
        <location filename="../../posapp/ui/screens/history.py" line="1079"/>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1080"/>
        <source>Provider reference</source>
        <translation>Référence du prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1081"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1082"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1090"/>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/history.py" line="1111"/>
        <source>fees {amount}</source>
        <translation>frais {amount}</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="38"/>
        <location filename="../../posapp/ui/widgets/keypad.py" line="40"/>
        <source>Erase the last digit (Backspace)</source>
        <translation>Effacer le dernier chiffre (Retour arrière)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="39"/>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="41"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="42"/>
        <location filename="../../posapp/ui/widgets/keypad.py" line="44"/>
        <source>Clear the amount (Esc)</source>
        <translation>Effacer le montant (Échap)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="43"/>
        <source>Clear</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="58"/>
        <source>Double zero</source>
        <translation>Double zéro</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="59"/>
        <source>Type two zeros</source>
        <translation>Tape deux zéros</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="61"/>
        <source>Decimal mark</source>
        <translation>Virgule</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="62"/>
        <source>Start the decimals</source>
        <translation>Commence les décimales</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/keypad.py" line="66"/>
        <source>Type the digit {digit} (or the {digit} key)</source>
        <translation>Tape le chiffre {digit} (ou la touche {digit})</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="46"/>
        <source>A PIN is made of digits only.</source>
        <translation>Un code PIN ne contient que des chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="47"/>
        <source>A PIN has at least 4 digits.</source>
        <translation>Un code PIN a au moins 4 chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="48"/>
        <source>A PIN has at most 8 digits.</source>
        <translation>Un code PIN a au plus 8 chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="49"/>
        <source>The same digit repeated is the first PIN anyone tries. Choose another.</source>
        <translation>Un même chiffre répété est le premier code PIN qu’on essaie. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="52"/>
        <source>Digits in a row, like 1234 or 9876, are easy to guess. Choose another.</source>
        <translation>Des chiffres qui se suivent, comme 1234 ou 9876, sont faciles à deviner. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="55"/>
        <source>A repeated pattern, like 1212, is easy to guess. Choose another.</source>
        <translation>Un motif répété, comme 1212, est facile à deviner. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="58"/>
        <source>This PIN is one of the most common ones. Choose another.</source>
        <translation>Ce code PIN est l’un des plus courants. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="67"/>
        <source>Manager</source>
        <translation>Gérant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="69"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="85"/>
        <source>{names} and {last}</source>
        <translation>{names} et {last}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="94"/>
        <source>Too many wrong PINs: {name} is locked until {time}.</source>
        <translation>Trop de codes PIN erronés : {name} est bloqué jusqu’à {time}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="98"/>
        <source>{names} can still sign in.</source>
        <translation>Connexion encore possible pour {names}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="100"/>
        <source>Nobody else can sign in: wait until then, or use one of {name}&apos;s recovery codes now.</source>
        <translation>Personne d’autre ne peut se connecter : attendez jusque-là, ou utilisez dès maintenant un des codes de secours de {name}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="104"/>
        <source>Nobody else can sign in: wait until then, or ask a manager to reset the lock.</source>
        <translation>Personne d’autre ne peut se connecter : attendez jusque-là, ou demandez à un gérant de lever le blocage.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="119"/>
        <source>Wrong PIN. 1 try left, then {name} is locked for 30 minutes.</source>
        <translation>Code PIN erroné. Encore 1 essai, puis le compte de {name} sera bloqué 30 minutes.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="122"/>
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>Code PIN erroné. Essais restants&#x202f;: {count}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="128"/>
        <source>{name} is disabled. A manager can enable them in Settings.</source>
        <translation>Le compte de {name} est désactivé. Un gérant peut le réactiver dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="131"/>
        <source>This user no longer exists.</source>
        <translation>Cet utilisateur n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="156"/>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="157"/>
        <source>Erase the last digit (Backspace)</source>
        <translation>Effacer le dernier chiffre (Retour arrière)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="159"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="161"/>
        <source>Confirm the PIN (Enter)</source>
        <translation>Valider le code PIN (Entrée)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="174"/>
        <source>Type the digit {digit} (or the {digit} key)</source>
        <translation>Tape le chiffre {digit} (ou la touche {digit})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="191"/>
        <source>4 to 8 digits, never shown</source>
        <translation>4 à 8 chiffres, jamais affichés</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="235"/>
        <location filename="../../posapp/ui/screens/lock.py" line="236"/>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="262"/>
        <source>Type your PIN: at least 4 digits.</source>
        <translation>Saisissez votre code PIN&#x202f;: au moins 4 chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="353"/>
        <source>The console is locked</source>
        <translation>Caisse verrouillée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="356"/>
        <source>Who is working? Touch your name.</source>
        <translation>Qui travaille&#x202f;? Appuyez sur votre nom.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="374"/>
        <source>Payments in progress are still being followed while the console is locked.</source>
        <translation>Les paiements en cours restent suivis pendant que la caisse est verrouillée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="395"/>
        <source>Forgot the PIN? Use a recovery code</source>
        <translation>Code PIN oublié ? Utiliser un code de secours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="404"/>
        <source>A manager&apos;s recovery code unlocks and sets a new PIN</source>
        <translation>Un code de secours du gérant débloque et fixe un nouveau code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="431"/>
        <source>Type one of the recovery codes written down when the manager was created, and a new PIN. Each code opens once.</source>
        <translation>Tapez un des codes de secours notés à la création du gérant, et un nouveau code PIN. Chaque code ne sert qu’une fois.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="445"/>
        <location filename="../../posapp/ui/screens/lock.py" line="459"/>
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="447"/>
        <source>One of the codes written down when the manager was created</source>
        <translation>Un des codes notés à la création du gérant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="460"/>
        <source>New PIN (4 to 8 digits)</source>
        <translation>Nouveau code PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="465"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="468"/>
        <source>Unlock and set the PIN</source>
        <translation>Débloquer et changer le PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="497"/>
        <source>Write down the recovery codes</source>
        <translation>Notez les codes de secours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="501"/>
        <source>If the manager&apos;s PIN is forgotten or locked out, one of these codes unlocks and sets a new PIN. They are shown only now: write them on paper and keep it away from the till.</source>
        <translation>Si le code PIN du gérant est oublié ou bloqué, un de ces codes débloque et fixe un nouveau code PIN. Ils ne sont montrés que maintenant : notez-les sur papier et gardez-le loin de la caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="513"/>
        <source>They are written down: sign in</source>
        <translation>Ils sont notés : se connecter</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="540"/>
        <source>Welcome to posapp</source>
        <translation>Bienvenue dans posapp</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="543"/>
        <source>First, create the manager: the person who approves refunds and payouts and changes the settings. Cashiers are added later, in Settings.</source>
        <translation>Créez d’abord le gérant&#x202f;: la personne qui approuve les remboursements et les versements et modifie les réglages. Les caissiers s’ajoutent plus tard, dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="557"/>
        <location filename="../../posapp/ui/screens/lock.py" line="558"/>
        <source>Manager&apos;s name</source>
        <translation>Nom du gérant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="452"/>
        <location filename="../../posapp/ui/screens/lock.py" line="562"/>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="454"/>
        <location filename="../../posapp/ui/screens/lock.py" line="564"/>
        <source>New PIN again</source>
        <translation>Répéter le nouveau code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="569"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="570"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>Code PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="461"/>
        <location filename="../../posapp/ui/screens/lock.py" line="571"/>
        <source>The same PIN again</source>
        <translation>Confirmez le code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="560"/>
        <source>The name shown on the lock screen and in the journal</source>
        <translation>Le nom affiché sur l’écran de verrouillage et dans le journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="574"/>
        <source>Create and sign in</source>
        <translation>Créer et se connecter</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="580"/>
        <source>Create the manager with this name and PIN</source>
        <translation>Créer le gérant avec ce nom et ce code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="652"/>
        <location filename="../../posapp/ui/screens/lock.py" line="656"/>
        <source>{name} is working</source>
        <translation>{name} travaille</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="719"/>
        <source>Touch your name first</source>
        <translation>Appuyez d’abord sur votre nom</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="725"/>
        <source>{name}, type your PIN</source>
        <translation>{name}, votre code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="806"/>
        <source>Recovery for {name}</source>
        <translation>Secours pour {name}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="842"/>
        <source>A recovery code has 12 letters and digits, like 7KQ2-M9XA-P4TB.</source>
        <translation>Un code de secours a 12 lettres et chiffres, comme 7KQ2-M9XA-P4TB.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="865"/>
        <source>Too many wrong recovery codes: try again after {time}.</source>
        <translation>Trop de codes de secours erronés : réessayez après {time}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="869"/>
        <source>This is not one of {name}&apos;s unused recovery codes. Tries left: {count}.</source>
        <translation>Ce n’est pas un des codes de secours inutilisés de {name}. Essais restants : {count}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="903"/>
        <source>Type the manager&apos;s name.</source>
        <translation>Saisissez le nom du gérant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/lock.py" line="846"/>
        <location filename="../../posapp/ui/screens/lock.py" line="905"/>
        <source>The two PINs are not the same. Type them again.</source>
        <translation>Les deux codes PIN sont différents. Saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="53"/>
        <location filename="../../posapp/ui/screens/sale.py" line="67"/>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="54"/>
        <source>Type the amount, then show a QR code for the customer to scan or push the payment to their phone.</source>
        <translation>Saisissez le montant, puis affichez un code QR à scanner par le client ou envoyez le paiement sur son téléphone.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="61"/>
        <location filename="../../posapp/ui/screens/activity.py" line="305"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="62"/>
        <source>Every payment in progress with its live status, age and actions.</source>
        <translation>Chaque paiement en cours avec son statut en direct, son ancienneté et ses actions.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="68"/>
        <location filename="../../posapp/ui/screens/history.py" line="235"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="69"/>
        <source>Every past payment, refund and payout: search, filters, details and re-check.</source>
        <translation>Tous les paiements, remboursements et versements passés&#x202f;: recherche, filtres, détails et nouvelle vérification.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="75"/>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="76"/>
        <source>The cash drawer: opening float, count, Open drawer, and the receipt printer.</source>
        <translation>Le tiroir-caisse : fonds de caisse, comptage, ouverture du tiroir et imprimante de tickets.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="82"/>
        <location filename="../../posapp/ui/screens/balance.py" line="84"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="83"/>
        <source>The provider balance and today&apos;s takings, refunds, payouts and fees.</source>
        <translation>Le solde chez le prestataire et les encaissements, remboursements, versements et frais du jour.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="89"/>
        <location filename="../../posapp/ui/screens/payout.py" line="127"/>
        <source>Payouts</source>
        <translation>Versements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="90"/>
        <source>Send money to a mobile-money number or wallet, with manager approval.</source>
        <translation>Envoyer de l’argent vers un numéro mobile money ou un portefeuille, avec l’accord du gérant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="96"/>
        <location filename="../../posapp/ui/screens/settings.py" line="226"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="97"/>
        <source>Provider and keys, language, polling, idle lock, receipts and users.</source>
        <translation>Prestataire et clés, langue, suivi des statuts, verrouillage, reçus et utilisateurs.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="158"/>
        <source>TRAINING MODE: payments go to the built-in emulator ({provider}). No real money moves.</source>
        <translation>MODE FORMATION&#x202f;: les paiements vont à l’émulateur intégré ({provider}). Aucun argent réel ne circule.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="210"/>
        <source>End of day</source>
        <translation>Fin de journée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="215"/>
        <source>The end-of-day report (a manager&apos;s)</source>
        <translation>Le rapport de fin de journée (pour un gérant)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="220"/>
        <source>Customer phone</source>
        <translation>Tél. du client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="226"/>
        <source>Show or hide the emulated customer&apos;s phone (training)</source>
        <translation>Afficher ou masquer le téléphone émulé du client (formation)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="236"/>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="240"/>
        <source>Lock the console; type your PIN to come back</source>
        <translation>Verrouiller la console ; tapez votre code PIN pour revenir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="244"/>
        <source>Switch user</source>
        <translation>Changer d’utilisateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="249"/>
        <source>Sign out so that the next cashier signs in (shift change)</source>
        <translation>Se déconnecter pour que le caissier suivant se connecte (relève)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="256"/>
        <location filename="../../posapp/ui/main_window.py" line="260"/>
        <location filename="../../posapp/ui/main_window.py" line="488"/>
        <source>About posapp</source>
        <translation>À propos de posapp</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="273"/>
        <location filename="../../posapp/ui/main_window.py" line="516"/>
        <source>Training mode</source>
        <translation>Mode formation</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="275"/>
        <location filename="../../posapp/ui/main_window.py" line="518"/>
        <source>Live: {provider}</source>
        <translation>En service&#x202f;: {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="277"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="328"/>
        <source>Customer phone (training)</source>
        <translation>Téléphone du client (formation)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="508"/>
        <source>Provider not reachable: {reason}</source>
        <translation>Prestataire injoignable : {reason}</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="40"/>
        <source>Take a payment</source>
        <translation>Prendre un paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="41"/>
        <source>Capture an authorized payment</source>
        <translation>Encaisser un paiement autorisé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="42"/>
        <source>Cancel a payment</source>
        <translation>Annuler un paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="43"/>
        <source>Check a payment&apos;s status</source>
        <translation>Vérifier le statut d’un paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="44"/>
        <source>See the payments in progress</source>
        <translation>Voir les paiements en cours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="45"/>
        <source>See the history</source>
        <translation>Voir l’historique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="46"/>
        <source>Print a receipt</source>
        <translation>Imprimer un reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="47"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="48"/>
        <source>Payout</source>
        <translation>Faire un versement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="49"/>
        <source>Settle an unknown outcome</source>
        <translation>Régler un résultat inconnu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="50"/>
        <source>See the balance</source>
        <translation>Voir le solde</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="51"/>
        <source>End-of-day report</source>
        <translation>Rapport de fin de journée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="52"/>
        <source>Change the settings</source>
        <translation>Modifier les réglages</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="53"/>
        <source>Manage users</source>
        <translation>Gérer les utilisateurs</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="54"/>
        <source>Export data</source>
        <translation>Exporter les données</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="86"/>
        <source>Manager approval</source>
        <translation>Accord du gérant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="106"/>
        <source>Manager approval needed</source>
        <translation>Accord du gérant requis</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="134"/>
        <source>Asked by {name} ({role}).</source>
        <translation>Demandé par {name} ({role}).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="142"/>
        <source>The approval is for this one operation only.</source>
        <translation>L’accord ne vaut que pour cette opération.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="149"/>
        <source>Manager:</source>
        <translation>Gérant&#x202f;:</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="169"/>
        <source>{name} approves</source>
        <translation>{name} approuve</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="177"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="185"/>
        <source>Nobody approves</source>
        <translation>Personne n’approuve</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="207"/>
        <source>No manager can approve this.</source>
        <translation>Aucun gérant ne peut approuver cette opération.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="210"/>
        <source>Manager, touch your name</source>
        <translation>Gérant, appuyez sur votre nom</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/approval_dialog.py" line="217"/>
        <source>{name}, type your PIN</source>
        <translation>{name}, votre code PIN</translation>
    </message>
</context>
<context>
    <name>ManagerScreens</name>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="200"/>
        <source>This is not a payment that can be refunded.</source>
        <translation>Ce paiement ne peut pas être remboursé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="204"/>
        <source>This payment was made through {provider}: refund it while {provider} is in use.</source>
        <translation>Ce paiement est passé par {provider}&#x202f;: remboursez-le quand {provider} est utilisé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="227"/>
        <source>Refund of payment {ref} ({paid})</source>
        <translation>Remboursement du paiement {ref} ({paid})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="241"/>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="361"/>
        <source>Not approved: nothing was sent.</source>
        <translation>Non approuvé&#x202f;: rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="282"/>
        <source>This outcome is known already: nothing to settle.</source>
        <translation>Ce résultat est déjà connu&#x202f;: rien à régler.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="299"/>
        <source>Settle an unknown outcome: {what} ({ref})</source>
        <translation>Régler un résultat inconnu&#x202f;: {what} ({ref})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="311"/>
        <source>Not approved: nothing was recorded.</source>
        <translation>Non approuvé&#x202f;: rien n’a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/manager_screens.py" line="393"/>
        <source>See the balance and today&apos;s totals</source>
        <translation>Voir le solde et les totaux du jour</translation>
    </message>
</context>
<context>
    <name>OtpDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="25"/>
        <source>Code from the customer&apos;s SMS</source>
        <translation>Code SMS du client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="32"/>
        <source>The customer ({phone}) received a code by SMS. Type the code they read out.</source>
        <translation>Le client ({phone}) a reçu un code par SMS. Saisissez le code qu’il vous lit.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="43"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="49"/>
        <source>Confirm code</source>
        <translation>Valider le code</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="51"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="66"/>
        <source>Send the code</source>
        <translation>Envoyer le code</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="68"/>
        <source>Close; the payment goes on</source>
        <translation>Fermer ; le paiement continue</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="71"/>
        <source>The code the customer reads out from their SMS</source>
        <translation>Le code que le client lit dans son SMS</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="85"/>
        <source>Tries left: {count}</source>
        <translation>Essais restants&#x202f;: {count}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="90"/>
        <source>The code has at least 4 digits.</source>
        <translation>Le code a au moins 4 chiffres.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/otp_dialog.py" line="98"/>
        <source>The code is not right.</source>
        <translation>Le code est incorrect.</translation>
    </message>
</context>
<context>
    <name>OutcomePanel</name>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="54"/>
        <source>PAID</source>
        <translation>PAYÉ</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="55"/>
        <source>The money is received. Hand over the goods.</source>
        <translation>L’argent est reçu. Remettez la marchandise.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="60"/>
        <source>OUTCOME UNKNOWN</source>
        <translation>RÉSULTAT INCONNU</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="61"/>
        <source>Do NOT ask the customer to pay again. posapp keeps checking; see Activity, or call a manager.</source>
        <translation>Ne redemandez PAS le paiement au client. posapp continue de vérifier&#x202f;; voyez Activité ou appelez un gérant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="69"/>
        <source>NOT PAID: TIME RAN OUT</source>
        <translation>NON PAYÉ&#x202f;: DÉLAI DÉPASSÉ</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="41"/>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="70"/>
        <source>The customer did not pay in time. Start a new payment if they still want to pay.</source>
        <translation>Le client n’a pas payé à temps. Lancez un nouveau paiement s’il veut encore payer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="19"/>
        <source>The customer&apos;s code was wrong too many times. No money was taken: start a new payment if they still want to pay.</source>
        <translation>Le code du client était faux trop de fois. Aucun argent n’a été pris : lancez un nouveau paiement s’il veut toujours payer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="25"/>
        <source>The customer declined on their phone. No money was taken: start again if they want to.</source>
        <translation>Le client a refusé sur son téléphone. Aucun argent n’a été pris : recommencez s’il le souhaite.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="29"/>
        <source>The customer&apos;s balance is too low. Ask them to top up, or try another way to pay.</source>
        <translation>Le solde du client est insuffisant. Demandez-lui de recharger, ou essayez un autre moyen de paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="33"/>
        <source>The provider refused the phone number. Check it with the customer and start again.</source>
        <translation>Le prestataire a refusé le numéro. Vérifiez-le avec le client et recommencez.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="37"/>
        <source>The provider refused the console&apos;s keys. No money was taken: call a manager.</source>
        <translation>Le prestataire a refusé les clés de la console. Aucun argent n’a été pris : appelez un gérant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="44"/>
        <source>The payment failed. No money was taken: start a new payment, or try another way to pay.</source>
        <translation>Le paiement a échoué. Aucun argent n’a été pris : lancez un nouveau paiement, ou essayez un autre moyen de paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="77"/>
        <source>CANCELED</source>
        <translation>ANNULÉ</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="78"/>
        <source>No money was taken. Start a new payment if needed.</source>
        <translation>Aucun argent n’a été prélevé. Lancez un nouveau paiement si besoin.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="80"/>
        <source>NOT PAID</source>
        <translation>NON PAYÉ</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="93"/>
        <source>Provider: {words}</source>
        <translation>Prestataire : {words}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="95"/>
        <source>{sentence} Provider: {words}</source>
        <translation>{sentence} Prestataire : {words}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="129"/>
        <source>New sale</source>
        <translation>Nouvelle vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/outcome_panel.py" line="136"/>
        <source>New sale (Enter or {key})</source>
        <translation>Nouvelle vente (Entrée ou {key})</translation>
    </message>
</context>
<context>
    <name>PayoutScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="157"/>
        <source>My-CoolPay wallet</source>
        <translation>Portefeuille My-CoolPay</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="155"/>
        <source>Mobile money</source>
        <translation>Mobile money</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="156"/>
        <source>My-CoolPay</source>
        <translation>My-CoolPay</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="161"/>
        <source>To a mobile-money number</source>
        <translation>Vers un numéro mobile money</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="162"/>
        <source>To a My-CoolPay wallet</source>
        <translation>Vers un portefeuille My-CoolPay</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="184"/>
        <source>Who receives the money: check it with them</source>
        <translation>Qui reçoit l’argent : vérifiez avec cette personne</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="188"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="190"/>
        <source>The recipient&apos;s mobile-money network</source>
        <translation>Le réseau mobile money du bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="204"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="210"/>
        <source>How much to send</source>
        <translation>Combien envoyer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="215"/>
        <source>Reason (required)</source>
        <translation>Motif (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="222"/>
        <source>What the payout is for, kept in the journal</source>
        <translation>L’objet du versement, gardé dans le journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="225"/>
        <source>Supplier, salary advance, cash withdrawal...</source>
        <translation>Fournisseur, avance sur salaire, retrait…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="235"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="241"/>
        <source>Check the payout before sending</source>
        <translation>Vérifier le versement avant l’envoi</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="259"/>
        <source>Wallet: phone number, username or e-mail</source>
        <translation>Portefeuille&#x202f;: téléphone, identifiant ou e-mail</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="261"/>
        <source>Recipient&apos;s mobile-money number</source>
        <translation>Numéro mobile money du bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="290"/>
        <source>✓ {operator} number</source>
        <translation>✓ Numéro {operator}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="297"/>
        <source>This looks like a {detected} number, but {chosen} is chosen. Keep it only if the number moved to {chosen}.</source>
        <translation>Ce numéro semble être un numéro {detected}, mais {chosen} est choisi. Gardez ce choix seulement si le numéro a été transféré chez {chosen}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="322"/>
        <source>Type the wallet&apos;s phone number, username or e-mail.</source>
        <translation>Saisissez le téléphone, l’identifiant ou l’e-mail du portefeuille.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="335"/>
        <source>This e-mail address is not complete.</source>
        <translation>Cette adresse e-mail est incomplète.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="344"/>
        <source>A username has 3 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>Un identifiant compte 3 à 64 lettres, chiffres, points, tirets ou tirets bas.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="365"/>
        <source>Say what the payout is for.</source>
        <translation>Indiquez le motif du versement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="377"/>
        <source>Reason: {reason}</source>
        <translation>Motif&#x202f;: {reason}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="386"/>
        <source>Send {amount}</source>
        <translation>Envoyer {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="397"/>
        <source>Send {amount} to {recipient} ({operator})?</source>
        <translation>Envoyer {amount} à {recipient} ({operator})&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="411"/>
        <source>Check before sending</source>
        <translation>Vérifiez avant d’envoyer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="420"/>
        <source>A manager approves with their PIN. Money sent cannot be taken back: check the number with the recipient.</source>
        <translation>Un gérant approuve avec son code PIN. L’argent envoyé ne peut pas être récupéré&#x202f;: vérifiez le numéro avec le bénéficiaire.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="440"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="444"/>
        <source>Back to the form</source>
        <translation>Retour au formulaire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="449"/>
        <source>A manager approves and it is sent</source>
        <translation>Un gérant approuve et il est envoyé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="452"/>
        <source>Change the payout</source>
        <translation>Modifier le versement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="487"/>
        <source>Not sent: the payout of {amount} to this recipient on {when} has an unknown outcome and may already have been paid. A manager must resolve it in Activity or History first ({ref}).</source>
        <translation>Non envoyé&#x202f;: le versement de {amount} à ce bénéficiaire le {when} a un résultat inconnu et a peut-être déjà été payé. Un gérant doit d’abord le régulariser dans Activité ou Historique ({ref}).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="493"/>
        <source>Not sent: the payout of {amount} to this recipient on {when} is not finished yet and may already have been paid. Wait for its outcome in Activity; nothing must be paid twice ({ref}).</source>
        <translation>Non envoyé : le versement de {amount} à ce bénéficiaire le {when} n’est pas encore terminé et a peut-être déjà été payé. Attendez son résultat dans Activité ; rien ne doit être payé deux fois ({ref}).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="543"/>
        <source>New payout</source>
        <translation>Nouveau versement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="547"/>
        <source>An empty form for the next payout</source>
        <translation>Un formulaire vide pour le versement suivant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="559"/>
        <source>To {recipient} ({operator})</source>
        <translation>À {recipient} ({operator})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="581"/>
        <source>Sent: the recipient has the money.</source>
        <translation>Envoyé&#x202f;: le bénéficiaire a reçu l’argent.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="583"/>
        <source>Outcome unknown: the provider gave no clear answer, so the money may already have been sent. Do not send it again. A manager resolves it in Activity or History once the provider&apos;s status is known; until then the same amount cannot be sent to this recipient.</source>
        <translation>Résultat inconnu&#x202f;: le prestataire n’a pas répondu clairement, l’argent a donc peut-être déjà été envoyé. Ne le renvoyez pas. Un gérant régularise dans Activité ou Historique dès que le statut du prestataire est connu&#x202f;; d’ici là, le même montant ne peut pas être envoyé à ce bénéficiaire.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="590"/>
        <source>The operator did not confirm in time; the payout may still go through.</source>
        <translation>L’opérateur n’a pas confirmé à temps&#x202f;; le versement peut encore aboutir.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="594"/>
        <source>The payout did not go through. No money left the account.</source>
        <translation>Le versement n’a pas abouti. Aucun argent n’est sorti du compte.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="598"/>
        <source>Sent. Waiting for the operator to confirm the transfer.</source>
        <translation>Envoyé. En attente de la confirmation de l’opérateur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="602"/>
        <source>Provider: {message}</source>
        <translation>Prestataire&#x202f;: {message}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="629"/>
        <source>Recent payouts</source>
        <translation>Versements récents</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/payout.py" line="650"/>
        <source>No payouts yet. Each one appears here as soon as it is sent.</source>
        <translation>Aucun versement pour l’instant. Chacun apparaît ici dès son envoi.</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/placeholder.py" line="29"/>
        <source>This screen is coming in a later version.</source>
        <translation>Cet écran arrive dans une prochaine version.</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="105"/>
        <source>No receipt printer is set up.</source>
        <translation>Aucune imprimante de tickets n&apos;est configurée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="106"/>
        <source>The printer cannot be reached: is it on, plugged in and on the network?</source>
        <translation>L&apos;imprimante est injoignable : est-elle allumée, branchée et sur le réseau ?</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="109"/>
        <source>The printer does not answer.</source>
        <translation>L&apos;imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="110"/>
        <source>The printer is offline: is its cover open?</source>
        <translation>L&apos;imprimante est hors ligne : son capot est-il ouvert ?</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="111"/>
        <source>The printer is out of paper.</source>
        <translation>L&apos;imprimante n&apos;a plus de papier.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="112"/>
        <source>The printer stopped in the middle of the receipt.</source>
        <translation>L&apos;imprimante s&apos;est arrêtée au milieu du ticket.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="115"/>
        <source>This computer cannot use that kind of printer connection.</source>
        <translation>Cet ordinateur ne peut pas utiliser ce type de connexion d&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="124"/>
        <source>Waiting to print</source>
        <translation>En attente d&apos;impression</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="125"/>
        <source>Printing</source>
        <translation>Impression en cours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="126"/>
        <source>Printed</source>
        <translation>Imprimé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="127"/>
        <source>Not printed: trying again shortly</source>
        <translation>Non imprimé : nouvel essai dans un instant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="128"/>
        <source>Not printed: press Retry</source>
        <translation>Non imprimé : appuyez sur Réessayer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="129"/>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="130"/>
        <source>Not printed: the console stopped</source>
        <translation>Non imprimé&#x202f;: la console s’est arrêtée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/print_bridge.py" line="131"/>
        <source>May have printed: check the printer</source>
        <translation>Peut-être imprimé&#x202f;: vérifiez l’imprimante</translation>
    </message>
</context>
<context>
    <name>PrinterSettings</name>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="44"/>
        <source>No receipt printer (system printer only)</source>
        <translation>Aucune (imprimante du système seule)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="45"/>
        <source>Network (Ethernet or Wi-Fi)</source>
        <translation>Réseau (Ethernet ou Wi-Fi)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="46"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="47"/>
        <source>Serial port or Bluetooth</source>
        <translation>Port série ou Bluetooth</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="48"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="323"/>
        <source>Windows printer</source>
        <translation>Imprimante Windows</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="49"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="330"/>
        <source>Device file</source>
        <translation>Fichier de périphérique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="67"/>
        <source>The test page printed: check its accents and its width.</source>
        <translation>La page de test est imprimée : vérifiez les accents et la largeur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="69"/>
        <source>The drawer was told to open.</source>
        <translation>L&apos;ouverture du tiroir-caisse a été demandée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="73"/>
        <source>The test page did not print.</source>
        <translation>La page de test n&apos;a pas été imprimée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="75"/>
        <source>The drawer did not open: use its key.</source>
        <translation>Le tiroir-caisse ne s&apos;est pas ouvert : utilisez sa clé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="103"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="288"/>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="115"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="298"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="126"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="303"/>
        <source>Vendor id</source>
        <translation>Id fabricant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="128"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="308"/>
        <source>Product id</source>
        <translation>Id produit</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="144"/>
        <source>Printer name (empty: the default printer)</source>
        <translation>Nom de l&apos;imprimante (vide : l&apos;imprimante par défaut)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="159"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="163"/>
        <source>58 mm roll</source>
        <translation>Rouleau de 58 mm</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="164"/>
        <source>80 mm roll</source>
        <translation>Rouleau de 80 mm</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="168"/>
        <source>as the paper</source>
        <translation>selon le papier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="170"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="340"/>
        <source>Characters per line</source>
        <translation>Caractères par ligne</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="169"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="335"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="174"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="345"/>
        <source>Printer model</source>
        <translation>Modèle d&apos;imprimante</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="177"/>
        <source>Pin 2 (most drawers)</source>
        <translation>Broche 2 (la plupart des tiroirs)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="178"/>
        <source>Pin 5</source>
        <translation>Broche 5</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="179"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="350"/>
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="182"/>
        <source>Any cashier</source>
        <translation>Tout caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="183"/>
        <source>A manager only</source>
        <translation>Un responsable seulement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="185"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="357"/>
        <source>Open drawer without a sale</source>
        <translation>Ouvrir le tiroir sans vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="189"/>
        <source>Print the receipt of every paid sale</source>
        <translation>Imprimer le ticket de chaque vente payée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="191"/>
        <source>Open the drawer for cash</source>
        <translation>Ouvrir le tiroir pour les espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="193"/>
        <source>Ask the printer whether it has paper before printing</source>
        <translation>Demander à l&apos;imprimante si elle a du papier avant d&apos;imprimer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="205"/>
        <source>Save the printer</source>
        <translation>Enregistrer l&apos;imprimante</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="208"/>
        <source>Test print</source>
        <translation>Page de test</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="210"/>
        <source>Open drawer</source>
        <translation>Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="223"/>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="379"/>
        <source>Receipts not printed</source>
        <translation>Tickets non imprimés</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="231"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="233"/>
        <source>Do not print</source>
        <translation>Ne pas imprimer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="248"/>
        <source>Save the printer&apos;s settings</source>
        <translation>Enregistrer les réglages de l’imprimante</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="253"/>
        <source>Print a test receipt with the settings as typed</source>
        <translation>Imprimer un ticket d’essai avec les réglages saisis</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="258"/>
        <source>Open the drawer to test it (recorded with who and why)</source>
        <translation>Ouvrir le tiroir pour l’essayer (enregistré avec qui et pourquoi)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="261"/>
        <source>Print the chosen receipt now</source>
        <translation>Imprimer maintenant le ticket choisi</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="266"/>
        <source>Drop the chosen receipt (reprint it from History later)</source>
        <translation>Abandonner le ticket choisi (le réimprimer plus tard depuis l’Historique)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="289"/>
        <source>How the receipt printer is connected to this computer</source>
        <translation>Comment l’imprimante de tickets est reliée à cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="293"/>
        <source>Printer&apos;s network address</source>
        <translation>Adresse réseau de l’imprimante</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="294"/>
        <source>The printer&apos;s IP address or name on the shop&apos;s network</source>
        <translation>L’adresse IP ou le nom de l’imprimante sur le réseau de la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="299"/>
        <source>The printer&apos;s TCP port (usually 9100)</source>
        <translation>Le port TCP de l’imprimante (9100 le plus souvent)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="304"/>
        <source>The USB vendor id, four hexadecimal digits</source>
        <translation>L’identifiant USB du fabricant, quatre chiffres hexadécimaux</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="309"/>
        <source>The USB product id, four hexadecimal digits</source>
        <translation>L’identifiant USB du produit, quatre chiffres hexadécimaux</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="313"/>
        <source>Serial port</source>
        <translation>Port série</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="314"/>
        <source>The serial or Bluetooth port the printer is on</source>
        <translation>Le port série ou Bluetooth de l’imprimante</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="318"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="319"/>
        <source>The serial port&apos;s speed in baud</source>
        <translation>La vitesse du port série, en bauds</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="324"/>
        <source>The printer&apos;s name in Windows; empty for the default printer</source>
        <translation>Le nom de l’imprimante dans Windows&#x202f;; vide pour l’imprimante par défaut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="331"/>
        <source>The printer&apos;s device file on this computer</source>
        <translation>Le fichier de périphérique de l’imprimante sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="336"/>
        <source>The width of the paper roll</source>
        <translation>La largeur du rouleau de papier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="341"/>
        <source>How many characters a line holds; 0: as the paper</source>
        <translation>Combien de caractères tient une ligne&#x202f;; 0&#x202f;: selon le papier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="346"/>
        <source>The printer&apos;s model, for its code pages and commands</source>
        <translation>Le modèle de l’imprimante, pour ses pages de code et ses commandes</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="351"/>
        <source>The pin of the printer&apos;s drawer socket the drawer is wired to</source>
        <translation>La broche de la prise tiroir de l’imprimante où le tiroir est branché</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="358"/>
        <source>Who may open the drawer without a sale</source>
        <translation>Qui peut ouvrir le tiroir sans vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="363"/>
        <source>Each paid sale&apos;s receipt prints at once</source>
        <translation>Le ticket de chaque vente payée s’imprime aussitôt</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="368"/>
        <source>The drawer opens when cash is taken or handed back</source>
        <translation>Le tiroir s’ouvre quand des espèces sont encaissées ou rendues</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="373"/>
        <source>A printer without paper keeps the receipt waiting instead of losing it</source>
        <translation>Une imprimante sans papier garde le ticket en attente au lieu de le perdre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="380"/>
        <source>Receipts waiting for the printer, with why; choose one to retry or drop it</source>
        <translation>Les tickets qui attendent l’imprimante, avec la raison&#x202f;; choisissez-en un pour le réessayer ou l’abandonner</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="428"/>
        <source>Type the printer&apos;s network address.</source>
        <translation>Saisissez l&apos;adresse réseau de l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="430"/>
        <source>Type the printer&apos;s USB vendor and product ids (four hexadecimal digits each).</source>
        <translation>Saisissez les identifiants USB du fabricant et du produit (quatre chiffres hexadécimaux chacun).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="434"/>
        <source>Type the printer&apos;s serial port.</source>
        <translation>Saisissez le port série de l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="436"/>
        <source>Type the printer&apos;s device file.</source>
        <translation>Saisissez le fichier de périphérique de l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="438"/>
        <source>A receipt line holds at least 16 characters.</source>
        <translation>Une ligne de ticket contient au moins 16 caractères.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/printer_settings.py" line="471"/>
        <source>Sending the test print...</source>
        <translation>Envoi de la page de test…</translation>
    </message>
</context>
<context>
    <name>ProviderMessages</name>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="44"/>
        <source>The code is not right.</source>
        <translation>Le code n’est pas bon.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="47"/>
        <location filename="../../posapp/ui/provider_messages.py" line="52"/>
        <source>The code was wrong too many times.</source>
        <translation>Le code était faux trop de fois.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="57"/>
        <source>The customer&apos;s code has not been typed yet.</source>
        <translation>Le code du client n’a pas encore été tapé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="62"/>
        <source>This payment needs no code.</source>
        <translation>Ce paiement n’a pas besoin de code.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="67"/>
        <location filename="../../posapp/ui/provider_messages.py" line="72"/>
        <source>The customer declined the payment.</source>
        <translation>Le client a refusé le paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="77"/>
        <location filename="../../posapp/ui/provider_messages.py" line="82"/>
        <source>The customer canceled the payment.</source>
        <translation>Le client a annulé le paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="87"/>
        <location filename="../../posapp/ui/provider_messages.py" line="92"/>
        <source>The payment request expired.</source>
        <translation>La demande de paiement a expiré.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="97"/>
        <location filename="../../posapp/ui/provider_messages.py" line="102"/>
        <source>The payment went through.</source>
        <translation>Le paiement est passé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="105"/>
        <source>The money was sent.</source>
        <translation>L’argent a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="108"/>
        <source>The operator is still sending the money.</source>
        <translation>L’opérateur envoie encore l’argent.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="113"/>
        <location filename="../../posapp/ui/provider_messages.py" line="118"/>
        <source>The operator refused the transfer.</source>
        <translation>L’opérateur a refusé le transfert.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="123"/>
        <source>The account&apos;s balance is too low for this.</source>
        <translation>Le solde du compte est insuffisant pour cela.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="128"/>
        <location filename="../../posapp/ui/provider_messages.py" line="135"/>
        <location filename="../../posapp/ui/provider_messages.py" line="180"/>
        <location filename="../../posapp/ui/provider_messages.py" line="187"/>
        <location filename="../../posapp/ui/provider_messages.py" line="194"/>
        <location filename="../../posapp/ui/provider_messages.py" line="201"/>
        <source>The provider refused the console&apos;s keys: a manager must check Settings.</source>
        <translation>Le prestataire a refusé les clés de la console : un gérant doit vérifier les Réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="142"/>
        <location filename="../../posapp/ui/provider_messages.py" line="218"/>
        <location filename="../../posapp/ui/provider_messages.py" line="223"/>
        <source>The provider does not know this payment.</source>
        <translation>Le prestataire ne connaît pas ce paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="147"/>
        <source>The provider refused the phone number.</source>
        <translation>Le prestataire a refusé le numéro.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="152"/>
        <source>The provider cannot reach this number&apos;s network.</source>
        <translation>Le prestataire ne peut pas joindre le réseau de ce numéro.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="157"/>
        <source>The number does not belong to the network chosen.</source>
        <translation>Le numéro n’appartient pas au réseau choisi.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="162"/>
        <source>The provider already has a payment with this reference.</source>
        <translation>Le prestataire a déjà un paiement avec cette référence.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="167"/>
        <location filename="../../posapp/ui/provider_messages.py" line="258"/>
        <source>This payment is no longer open.</source>
        <translation>Ce paiement n’est plus ouvert.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="170"/>
        <source>The provider says it failed.</source>
        <translation>Le prestataire indique un échec.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="174"/>
        <source>A payment link is paid on its checkout page.</source>
        <translation>Un lien de paiement se paie sur sa page de paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="208"/>
        <location filename="../../posapp/ui/provider_messages.py" line="213"/>
        <location filename="../../posapp/ui/provider_messages.py" line="253"/>
        <source>The provider refused the request as sent.</source>
        <translation>Le prestataire a refusé la demande telle qu’envoyée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="228"/>
        <source>The provider is still busy with this payment: try again in a moment.</source>
        <translation>Le prestataire traite encore ce paiement : réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="233"/>
        <source>The payment is not in a state that allows this.</source>
        <translation>L’état du paiement ne le permet pas.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="238"/>
        <source>This is more than can still be refunded.</source>
        <translation>C’est plus que ce qui peut encore être remboursé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="241"/>
        <source>The card was declined.</source>
        <translation>La carte a été refusée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/provider_messages.py" line="308"/>
        <source>{sentence} (provider: {words})</source>
        <translation>{sentence} (prestataire : {words})</translation>
    </message>
</context>
<context>
    <name>PushPaymentScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="50"/>
        <source>Type the customer&apos;s code</source>
        <translation>Saisir le code du client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="54"/>
        <source>Cancel payment</source>
        <translation>Annuler le paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="91"/>
        <source>The customer received a code by SMS. Ask them to read it out, then type it.</source>
        <translation>Le client a reçu un code par SMS. Demandez-lui de le lire, puis saisissez-le.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="98"/>
        <source>The customer confirms the payment on their phone with their PIN. If nothing appears, they dial:</source>
        <translation>Le client confirme le paiement sur son téléphone avec son code PIN. Si rien ne s’affiche, il compose&#x202f;:</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="103"/>
        <source>The customer confirms the payment on their phone with their PIN.</source>
        <translation>Le client confirme le paiement sur son téléphone avec son code PIN.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/push_payment.py" line="121"/>
        <source>Waiting for {time}</source>
        <translation>En attente depuis {time}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../posapp/ui/i18n.py" line="22"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/i18n.py" line="23"/>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../posapp/ui/i18n.py" line="24"/>
        <source>Page &amp;Set:</source>
        <translation>&amp;Ensemble de pages&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../../posapp/ui/widgets/qr_code.py" line="51"/>
        <source>Payment QR code</source>
        <translation>Code QR de paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/qr_code.py" line="53"/>
        <source>The payment link as a QR code: the customer scans it with their phone to pay</source>
        <translation>Le lien de paiement en code QR : le client le scanne avec son téléphone pour payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/qr_code.py" line="70"/>
        <source>This link is too long for a QR code.</source>
        <translation>Ce lien est trop long pour un code QR.</translation>
    </message>
</context>
<context>
    <name>QrPaymentScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="130"/>
        <source>Ask the customer to scan this code with their phone and pay.</source>
        <translation>Demandez au client de scanner ce code avec son téléphone et de payer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="86"/>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="88"/>
        <source>Customer screen</source>
        <translation>Écran client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="90"/>
        <source>Cancel payment</source>
        <translation>Annuler le paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="120"/>
        <source>The card is authorized, but no money is taken yet: capture the payment in Activity.</source>
        <translation>La carte est autorisée, mais rien n’est encore prélevé&#x202f;: encaissez le paiement dans Activité.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="125"/>
        <source>Ask the customer to scan this code with their phone and pay by card on the page that opens.</source>
        <translation>Demandez au client de scanner ce code avec son téléphone et de payer par carte sur la page qui s’ouvre.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="145"/>
        <source>The QR code of a payment of {amount}: the customer scans it with their phone</source>
        <translation>Le code QR d’un paiement de {amount} : le client le scanne avec son téléphone</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/qr_payment.py" line="165"/>
        <source>Waiting for {time}</source>
        <translation>En attente depuis {time}</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="57"/>
        <source>a newer posapp wrote it</source>
        <translation>une version plus récente de posapp l’a écrit</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="59"/>
        <source>it cannot be written</source>
        <translation>il ne peut pas être écrit</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="60"/>
        <source>Read-only journal ({why}): History and export only. No payment can be taken here.</source>
        <translation>Journal en lecture seule ({why}) : Historique et export uniquement. Aucun paiement ne peut être pris ici.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="103"/>
        <location filename="../../posapp/ui/read_only.py" line="195"/>
        <source>posapp: read-only journal</source>
        <translation>posapp : journal en lecture seule</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="110"/>
        <source>A manager opens the journal read-only: History and export, no payments.</source>
        <translation>Un responsable ouvre le journal en lecture seule : Historique et export, aucun paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="118"/>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="119"/>
        <source>The manager who opens the journal</source>
        <translation>Le gérant qui ouvre le journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="126"/>
        <location filename="../../posapp/ui/read_only.py" line="128"/>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="127"/>
        <source>The manager&apos;s PIN, never shown</source>
        <translation>Le code PIN du gérant, jamais affiché</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="135"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="142"/>
        <source>This journal has no manager to open it.</source>
        <translation>Ce journal n’a aucun responsable pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="165"/>
        <source>Not opened: the PIN was refused.</source>
        <translation>Non ouvert : le code PIN a été refusé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="171"/>
        <source>Wrong PIN: {count} tries left.</source>
        <translation>Code PIN erroné : encore {count} essais.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="209"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/read_only.py" line="210"/>
        <source>End of day</source>
        <translation>Fin de journée</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="121"/>
        <source>58 mm roll</source>
        <translation>Rouleau 58&#xa0;mm</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="122"/>
        <source>80 mm roll</source>
        <translation>Rouleau 80&#xa0;mm</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="123"/>
        <source>A4 page</source>
        <translation>Page A4</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="191"/>
        <source>REFUND RECEIPT</source>
        <translation>REÇU DE REMBOURSEMENT</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="193"/>
        <location filename="../../posapp/ui/till.py" line="476"/>
        <source>PAYMENT RECEIPT</source>
        <translation>REÇU DE PAIEMENT</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="196"/>
        <source>Refunded to the customer</source>
        <translation>Remboursé au client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="198"/>
        <location filename="../../posapp/ui/till.py" line="478"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="204"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="206"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="211"/>
        <source>Handed back in cash</source>
        <translation>Rendu en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="213"/>
        <source>Paid in cash</source>
        <translation>Payé en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="218"/>
        <source>Cash given</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="220"/>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="224"/>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="227"/>
        <source>For</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="228"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="230"/>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="231"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="233"/>
        <source>Refund of</source>
        <translation>Remboursement de</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="234"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="236"/>
        <source>Provider ref.</source>
        <translation>Réf. prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="245"/>
        <location filename="../../posapp/ui/till.py" line="482"/>
        <source>Scan to find this transaction</source>
        <translation>Scannez pour retrouver cette transaction</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="246"/>
        <location filename="../../posapp/ui/till.py" line="483"/>
        <location filename="../../posapp/ui/till.py" line="834"/>
        <source>TRAINING - NO REAL MONEY</source>
        <translation>FORMATION - PAS D’ARGENT RÉEL</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="247"/>
        <location filename="../../posapp/ui/till.py" line="484"/>
        <source>DUPLICATE</source>
        <translation>DUPLICATA</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="248"/>
        <location filename="../../posapp/ui/till.py" line="485"/>
        <source>Thank you. Keep this receipt.</source>
        <translation>Merci. Conservez ce reçu.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="689"/>
        <location filename="../../posapp/ui/screens/receipts.py" line="705"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="720"/>
        <source>Lay the receipt out for: {paper}</source>
        <translation>Mettre le reçu en page pour : {paper}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="743"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="746"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="750"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="757"/>
        <source>Save the receipt as a PDF file</source>
        <translation>Enregistrer le reçu en fichier PDF</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="759"/>
        <source>Print the receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="776"/>
        <source>Save the receipt as PDF</source>
        <translation>Enregistrer le reçu en PDF</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="778"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="792"/>
        <source>The receipt could not be saved there.</source>
        <translation>Impossible d’enregistrer le reçu à cet endroit.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="795"/>
        <source>Saved: {path}</source>
        <translation>Enregistré&#x202f;: {path}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="811"/>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/receipts.py" line="814"/>
        <source>The printer did not answer.</source>
        <translation>L’imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/settings.py" line="167"/>
        <source>Receipt not printed: no printer is set up.</source>
        <translation>Reçu non imprimé&#x202f;: aucune imprimante n’est configurée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/settings.py" line="179"/>
        <source>Receipt not printed: the printer did not answer.</source>
        <translation>Reçu non imprimé&#x202f;: l’imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/wiring/settings.py" line="187"/>
        <source>Only paid payments and succeeded refunds have a receipt.</source>
        <translation>Seuls les paiements réussis et les remboursements effectués ont un reçu.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="69"/>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="192"/>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="226"/>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="363"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="96"/>
        <source>Refund a payment</source>
        <translation>Rembourser un paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="118"/>
        <source>Can still be refunded</source>
        <translation>Encore remboursable</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="132"/>
        <source>All of it</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="133"/>
        <source>Part of it</source>
        <translation>Une partie</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="144"/>
        <source>Amount to refund</source>
        <translation>Montant à rembourser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="151"/>
        <source>How much goes back to the payer</source>
        <translation>Combien retourne au payeur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="156"/>
        <source>Reason (required)</source>
        <translation>Motif (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="161"/>
        <source>Why the money goes back, kept in the journal</source>
        <translation>Pourquoi l’argent est rendu, gardé dans le journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="166"/>
        <source>Why the money goes back (returned goods, paid twice...)</source>
        <translation>Pourquoi l’argent est rendu (article retourné, payé deux fois…)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="176"/>
        <source>A manager approves every refund. Cash goes back from the drawer, in cash.</source>
        <translation>Un responsable approuve chaque remboursement. Les espèces sont rendues en espèces, depuis la caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="180"/>
        <source>A manager approves every refund. The money goes back to the number that paid.</source>
        <translation>Un gérant approuve chaque remboursement. L’argent retourne au numéro qui a payé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="190"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="199"/>
        <source>A manager approves and it is sent</source>
        <translation>Un gérant approuve et il est envoyé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="205"/>
        <source>Close; nothing is sent</source>
        <translation>Fermer ; rien n’est envoyé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="259"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="295"/>
        <source>Payment of {amount}</source>
        <translation>Paiement de {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="302"/>
        <source>Paid by {payer}</source>
        <translation>Payé par {payer}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="309"/>
        <source>Already refunded or being refunded: {amount}</source>
        <translation>Déjà remboursé ou en cours&#x202f;: {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="322"/>
        <source>Nothing is left to refund on this payment.</source>
        <translation>Il ne reste rien à rembourser sur ce paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="359"/>
        <source>Refund {amount}</source>
        <translation>Rembourser {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="378"/>
        <source>At most {amount} can be refunded on this payment.</source>
        <translation>Vous pouvez rembourser au plus {amount} sur ce paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="394"/>
        <source>Say why the money goes back.</source>
        <translation>Indiquez pourquoi l’argent est rendu.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="425"/>
        <source>Handed back in cash from the drawer</source>
        <translation>Rendu en espèces depuis la caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="428"/>
        <source>Back to {phone} ({operator})</source>
        <translation>Rendu au {phone} ({operator})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="432"/>
        <source>Back to {phone}</source>
        <translation>Rendu au {phone}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="450"/>
        <source>Refund recorded: hand {amount} back to the customer from the drawer.</source>
        <translation>Remboursement enregistré : rendez {amount} au client depuis la caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="454"/>
        <source>Refund sent: {amount} went back to the customer.</source>
        <translation>Remboursement envoyé&#x202f;: le client a récupéré {amount}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="458"/>
        <source>Outcome unknown: the provider gave no clear answer, so the money may already have been sent. Do not refund this payment again. A manager resolves it in Activity or History once the provider&apos;s status is known.</source>
        <translation>Résultat inconnu&#x202f;: le prestataire n’a pas répondu clairement, l’argent a donc peut-être déjà été envoyé. Ne remboursez pas ce paiement une seconde fois. Un gérant régularise dans Activité ou Historique dès que le statut du prestataire est connu.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="465"/>
        <source>The operator did not confirm in time; the refund may still go through. Check History before refunding again.</source>
        <translation>L’opérateur n’a pas confirmé à temps&#x202f;; le remboursement peut encore aboutir. Consultez l’Historique avant de rembourser à nouveau.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="471"/>
        <source>The refund did not go through. No money left the account.</source>
        <translation>Le remboursement n’a pas abouti. Aucun argent n’est sorti du compte.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="475"/>
        <source>Sent. Waiting for the operator to confirm the transfer; you may close this window.</source>
        <translation>Envoyé. En attente de la confirmation de l’opérateur&#x202f;; vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/refund_dialog.py" line="481"/>
        <source>Provider: {message}</source>
        <translation>Prestataire&#x202f;: {message}</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="78"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="82"/>
        <source>The amount the customer pays. Type digits; Enter starts the payment.</source>
        <translation>Le montant que paie le client. Tapez les chiffres ; Entrée lance le paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="90"/>
        <source>Amount problem</source>
        <translation>Problème de montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="101"/>
        <location filename="../../posapp/ui/screens/sale.py" line="107"/>
        <source>Reason (optional)</source>
        <translation>Motif (facultatif)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="106"/>
        <source>What is being paid for</source>
        <translation>Objet du paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="109"/>
        <source>What is being paid for; shown to the customer</source>
        <translation>Ce qui est payé ; montré au client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="116"/>
        <source>Customer phone (needed for a push)</source>
        <translation>Téléphone du client (pour une demande)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="125"/>
        <source>Customer phone</source>
        <translation>Téléphone du client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="127"/>
        <source>The customer&apos;s mobile-money number, needed for a push</source>
        <translation>Le numéro mobile money du client, nécessaire pour une demande</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="148"/>
        <source>Show QR code</source>
        <translation>Afficher le code QR</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="152"/>
        <source>Mobile Money push</source>
        <translation>Demande Mobile Money</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="156"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="310"/>
        <location filename="../../posapp/ui/screens/sale.py" line="379"/>
        <source>Type the amount first.</source>
        <translation>Saisissez d’abord le montant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="313"/>
        <source>{amount} is less than {limit}, {why}.</source>
        <translation>{amount} est inférieur à {limit}, {why}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="323"/>
        <source>{amount} is more than {limit}, {why}.</source>
        <translation>{amount} dépasse {limit}, {why}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/sale.py" line="339"/>
        <source>Type the customer&apos;s phone number to push the payment.</source>
        <translation>Saisissez le numéro du client pour lui envoyer la demande de paiement.</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="26"/>
        <source>The manager&apos;s approval cannot be used: it was used already, has expired or was given for something else. Ask for a new one. Nothing was done.</source>
        <translation>L’accord du gérant ne peut pas servir&#x202f;: il a déjà servi, a expiré ou a été donné pour autre chose. Demandez-en un nouveau. Rien n’a été fait.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="31"/>
        <source>This approval was already used for another operation: ask for a new one. Nothing was done.</source>
        <translation>Cet accord a déjà servi à une autre opération&#x202f;: demandez-en un nouveau. Rien n’a été fait.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="34"/>
        <source>This refund cannot be recorded: the payment is not paid, or less than that is left to refund on it. Nothing was sent.</source>
        <translation>Ce remboursement ne peut pas être enregistré&#x202f;: le paiement n’est pas payé, ou il en reste moins à rembourser. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="39"/>
        <source>This sale cannot take that any more: it was paid or voided meanwhile. Look at the sale again.</source>
        <translation>Cette vente ne peut plus prendre cela&#x202f;: elle a été payée ou annulée entre-temps. Regardez à nouveau la vente.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="43"/>
        <source>The journal refused this. Nothing was done.</source>
        <translation>Le journal a refusé cette opération. Rien n’a été fait.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="44"/>
        <source>Not refunded: at most {left} can still be refunded on this payment.</source>
        <translation>Non remboursé&#x202f;: il reste au plus {left} à rembourser sur ce paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="45"/>
        <source>There is no such payment in this counter&apos;s journal.</source>
        <translation>Ce paiement n’est pas dans le journal de cette caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="47"/>
        <source>The payment&apos;s QR code was not shown, because the journal cannot be written: nobody can pay it.</source>
        <translation>Le code QR du paiement n’a pas été affiché, car le journal ne peut pas être écrit&#x202f;: personne ne peut le payer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="51"/>
        <source>Only a payment by QR code or on the customer&apos;s phone can be canceled.</source>
        <translation>Seul un paiement par code QR ou sur le téléphone du client peut être annulé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="52"/>
        <source>This payment can no longer be canceled (status: {status}).</source>
        <translation>Ce paiement ne peut plus être annulé (état&#x202f;: {status}).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="53"/>
        <source>{provider} payments need no capture.</source>
        <translation>Les paiements {provider} n’ont pas besoin d’être encaissés.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="54"/>
        <source>This is not a payment: only a payment is captured.</source>
        <translation>Ce n’est pas un paiement&#x202f;: seul un paiement s’encaisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="55"/>
        <source>Only an authorized payment is captured; this one is “{status}”.</source>
        <translation>Seul un paiement autorisé s’encaisse&#x202f;; l’état de celui-ci est «&#x202f;{status}&#x202f;».</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="56"/>
        <source>This payment is in {currency}, not {other}.</source>
        <translation>Ce paiement est en {currency}, pas en {other}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="57"/>
        <source>Enter an amount above zero to capture.</source>
        <translation>Saisissez un montant supérieur à zéro à encaisser.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="58"/>
        <source>Not captured: at most {amount} can be captured on this payment.</source>
        <translation>Non encaissé&#x202f;: au plus {amount} peut être encaissé sur ce paiement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="59"/>
        <source>The last capture of this payment has no known outcome, and its status cannot be read now: try again in a moment.</source>
        <translation>Le dernier encaissement de ce paiement n’a pas de résultat connu, et son état ne peut pas être lu pour l’instant&#x202f;: réessayez dans un moment.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="64"/>
        <source>The provider is still processing the last capture of this payment: try again in a moment.</source>
        <translation>L’opérateur traite encore le dernier encaissement de ce paiement&#x202f;: réessayez dans un moment.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="68"/>
        <source>This approval was already used for another refund or payout: ask for a new one. Nothing was sent.</source>
        <translation>Cet accord a déjà servi à un autre remboursement ou versement&#x202f;: demandez-en un nouveau. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="72"/>
        <source>This refund or payout is not in this counter&apos;s journal.</source>
        <translation>Ce remboursement ou ce versement n’est pas dans le journal de cette caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="73"/>
        <source>Only an unknown outcome is settled by hand; this one is “{status}”.</source>
        <translation>Seul un résultat inconnu se règle à la main&#x202f;; l’état de celui-ci est «&#x202f;{status}&#x202f;».</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="74"/>
        <source>A payout to a wallet name or an e-mail address goes to a My-CoolPay wallet: choose My-CoolPay.</source>
        <translation>Un versement vers un identifiant ou une adresse e-mail va sur un portefeuille My-CoolPay&#x202f;: choisissez My-CoolPay.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="78"/>
        <source>This payment was paid through {provider}, not {this_provider}: only {provider} can refund it.</source>
        <translation>Ce paiement a été payé par {provider}, pas par {this_provider}&#x202f;: seul {provider} peut le rembourser.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="82"/>
        <source>The payer&apos;s number is not known: refund it as a payout.</source>
        <translation>Le numéro du payeur n’est pas connu&#x202f;: remboursez-le par un versement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="83"/>
        <source>The payer&apos;s number {phone} cannot receive a refund. {why}</source>
        <translation>Le numéro du payeur, {phone}, ne peut pas recevoir de remboursement. {why}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="84"/>
        <source>This payment never reached the provider, so nothing of it can be refunded.</source>
        <translation>Ce paiement n’est jamais arrivé chez l’opérateur, donc rien ne peut en être remboursé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="85"/>
        <source>What is left to refund on this payment cannot be read from the provider now: try again in a moment. Nothing was sent.</source>
        <translation>Ce qui reste à rembourser sur ce paiement ne peut pas être lu chez l’opérateur pour l’instant&#x202f;: réessayez dans un moment. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="90"/>
        <source>The shop store&apos;s check of this refund failed, so nothing was sent.</source>
        <translation>La vérification de ce remboursement par la base de la boutique a échoué, donc rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="91"/>
        <source>An unknown outcome is settled as paid or as failed.</source>
        <translation>Un résultat inconnu se règle comme payé ou comme échoué.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="93"/>
        <source>A sale is for an amount above zero.</source>
        <translation>Une vente est d’un montant supérieur à zéro.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="94"/>
        <source>This sale is not in this counter&apos;s journal.</source>
        <translation>Cette vente n’est pas dans le journal de cette caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="95"/>
        <source>The cash given, {given}, does not cover {amount}: take the rest another way.</source>
        <translation>Les espèces reçues, {given}, ne couvrent pas {amount}&#x202f;: prenez le reste autrement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="98"/>
        <source>Say why the sale is voided.</source>
        <translation>Dites pourquoi la vente est annulée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="99"/>
        <source>Say what the cash is paid out for.</source>
        <translation>Dites à quoi servent les espèces versées.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="100"/>
        <source>The opening float is zero or more.</source>
        <translation>Le fonds de caisse est de zéro ou plus.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="101"/>
        <source>This sale was voided: nothing more is taken for it.</source>
        <translation>Cette vente a été annulée&#x202f;: plus rien n’est pris pour elle.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="102"/>
        <source>This sale is in {currency}, not {other}.</source>
        <translation>Cette vente est en {currency}, pas en {other}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="103"/>
        <source>A payment of {amount} on this sale is not settled yet: wait for its outcome.</source>
        <translation>Un paiement de {amount} sur cette vente n’est pas encore réglé&#x202f;: attendez son résultat.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="106"/>
        <source>Nothing is left to pay on this sale.</source>
        <translation>Il ne reste rien à payer sur cette vente.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="107"/>
        <source>Enter an amount above zero.</source>
        <translation>Saisissez un montant supérieur à zéro.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="108"/>
        <source>Not taken: at most {amount} is still to pay on this sale.</source>
        <translation>Non pris&#x202f;: il reste au plus {amount} à payer sur cette vente.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="109"/>
        <source>This sale is paid: refund its payments instead of voiding it.</source>
        <translation>Cette vente est payée&#x202f;: remboursez ses paiements au lieu de l’annuler.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/service_messages.py" line="110"/>
        <source>Not voided: {amount} paid on this sale is not handed back yet. Refund it first.</source>
        <translation>Non annulée&#x202f;: un montant de {amount} payé sur cette vente n’est pas encore rendu. Remboursez-le d’abord.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="110"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="111"/>
        <source>Quick (busy counter, good connection)</source>
        <translation>Rapide (caisse chargée, bonne connexion)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="112"/>
        <source>Data saver (slow or costly connection)</source>
        <translation>Économie de données (connexion lente ou chère)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="113"/>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="120"/>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="122"/>
        <location filename="../../posapp/ui/screens/settings.py" line="439"/>
        <source>Public key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="124"/>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="125"/>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="126"/>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="127"/>
        <source>Webhook secret (optional)</source>
        <translation>Secret webhook (facultatif)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="143"/>
        <source>This computer has no secure key store; a live provider&apos;s keys cannot be kept safely here. Set up the system&apos;s key store (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet) and open posapp again. Training mode keeps working.</source>
        <translation>Cet ordinateur n’a pas de coffre de clés sécurisé&#x202f;; les clés d’un prestataire réel ne peuvent pas y être gardées en sécurité. Configurez le coffre de clés du système (Gestionnaire d’identification Windows, Trousseau macOS, GNOME Keyring ou KWallet) puis rouvrez posapp. Le mode formation continue de fonctionner.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="155"/>
        <source>There is already a user with this name.</source>
        <translation>Un utilisateur porte déjà ce nom.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="157"/>
        <source>This is the only manager: add another manager before disabling them.</source>
        <translation>C’est le seul gérant&#x202f;: ajoutez un autre gérant avant de le désactiver.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="167"/>
        <source>Type a full address such as https://api.example.com.</source>
        <translation>Saisissez une adresse complète, par exemple https://api.example.com.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="175"/>
        <source>Keys would travel unencrypted: use an https:// address.</source>
        <translation>Les clés circuleraient sans chiffrement&#x202f;: utilisez une adresse https://.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="230"/>
        <source>End-of-day report</source>
        <translation>Rapport de fin de journée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="261"/>
        <source>Settings are for managers</source>
        <translation>Réglages réservés aux gérants</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="265"/>
        <source>The provider&apos;s keys, the language, the idle lock, receipts and users can only be changed by a manager. A manager can open them here with their PIN.</source>
        <translation>Seul un gérant peut modifier les clés du prestataire, la langue, le verrouillage, les reçus et les utilisateurs. Un gérant peut les ouvrir ici avec son code PIN.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="273"/>
        <source>Unlock as manager</source>
        <translation>Déverrouiller (gérant)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="277"/>
        <source>A manager types their PIN</source>
        <translation>Un gérant tape son code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="302"/>
        <source>Settings sections</source>
        <translation>Sections des réglages</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="304"/>
        <source>Ctrl+Page Down and Ctrl+Page Up go from one section to the next</source>
        <translation>Ctrl+Page suivante et Ctrl+Page précédente passent d’une section à l’autre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="310"/>
        <location filename="../../posapp/ui/screens/settings.py" line="426"/>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="313"/>
        <source>Shop and receipts</source>
        <translation>Boutique, reçus</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="316"/>
        <location filename="../../posapp/ui/screens/settings.py" line="553"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="319"/>
        <source>Polling and lock</source>
        <translation>Suivi, verrou</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="322"/>
        <location filename="../../posapp/ui/screens/settings.py" line="657"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="330"/>
        <source>Discard changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="334"/>
        <source>Show the saved settings again</source>
        <translation>Afficher à nouveau les réglages enregistrés</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="337"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="341"/>
        <source>Check and save the settings</source>
        <translation>Vérifier et enregistrer les réglages</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="422"/>
        <source>Training mode (built-in emulator, no real money)</source>
        <translation>Formation (émulateur, sans argent réel)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="434"/>
        <source>Emulator to train on</source>
        <translation>Émulateur de formation</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="453"/>
        <source>Address (optional)</source>
        <translation>Adresse (facultative)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="455"/>
        <source>Leave empty to use the provider&apos;s own address.</source>
        <translation>Laissez vide pour utiliser l’adresse du prestataire.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="464"/>
        <source>Receipt header</source>
        <translation>En-tête du reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="471"/>
        <source>Shop name</source>
        <translation>Nom de la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="472"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="473"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="475"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="481"/>
        <source>Receipt paper</source>
        <translation>Papier du reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="485"/>
        <source>The computer&apos;s default printer</source>
        <translation>Imprimante par défaut de l’ordinateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="488"/>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="490"/>
        <source>After each paid sale or refund</source>
        <translation>Après chaque vente payée ou remboursement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="496"/>
        <source>Print automatically</source>
        <translation>Imprimer automatiquement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="498"/>
        <source>The receipt goes to the printer above without asking. Reprints are in History.</source>
        <translation>Le reçu part vers l’imprimante ci-dessus sans confirmation. Les réimpressions se font dans Historique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="547"/>
        <source>As the computer (system)</source>
        <translation>Comme l’ordinateur (système)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="555"/>
        <source>Screens opened after saving use the new language.</source>
        <translation>Les écrans ouverts après l’enregistrement utilisent la nouvelle langue.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="562"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="564"/>
        <source>Fixed by the provider account: every payment, refund and report of this till is in this currency.</source>
        <translation>Fixée par le compte du prestataire&#x202f;: chaque paiement, remboursement et rapport de cette caisse est dans cette devise.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="573"/>
        <source>No shop limit</source>
        <translation>Pas de limite de la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="577"/>
        <source>Largest sale</source>
        <translation>Plus grosse vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="579"/>
        <source>A sale above this is refused as it is typed, before the customer is asked to pay. 0: no shop limit.</source>
        <translation>Une vente au-delà est refusée dès la saisie, avant qu’on demande au client de payer. 0 : pas de limite de la boutique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="590"/>
        <source>Following payments</source>
        <translation>Suivi des paiements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="598"/>
        <source>Status checks</source>
        <translation>Vérifications du statut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="600"/>
        <source>How often the provider is asked about a payment, by its age. Faster feels quicker to the customer; slower uses less data.</source>
        <translation>Fréquence à laquelle le prestataire est interrogé sur un paiement, selon son âge. Plus rapide paraît plus vif au client&#x202f;; plus lent consomme moins de données.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="610"/>
        <source>Payment age up to (s)</source>
        <translation>Âge du paiement jusqu’à (s)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="611"/>
        <source>Check every (s)</source>
        <translation>Vérifier toutes les (s)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="619"/>
        <source>Schedule</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="620"/>
        <source>Idle lock</source>
        <translation>Verrouillage auto</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="624"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="625"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="629"/>
        <source>Lock after</source>
        <translation>Verrouiller après</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="631"/>
        <source>The console locks when nobody touches it for this long. 0 turns it off.</source>
        <translation>La caisse se verrouille si personne n’y touche pendant cette durée. 0 désactive le verrouillage.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="646"/>
        <source>Changes to users take effect at once (no need to save) and are recorded.</source>
        <translation>Les modifications des utilisateurs s’appliquent aussitôt (sans enregistrer) et sont journalisées.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="659"/>
        <source>Who may sign in, their role and state; select one to change it</source>
        <translation>Qui peut se connecter, son rôle et son état ; sélectionnez-en un pour le modifier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="665"/>
        <location filename="../../posapp/ui/screens/settings.py" line="688"/>
        <location filename="../../posapp/ui/screens/settings.py" line="689"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="666"/>
        <location filename="../../posapp/ui/screens/settings.py" line="693"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="667"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="681"/>
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="690"/>
        <source>The new user&apos;s name</source>
        <translation>Le nom du nouvel utilisateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="695"/>
        <source>A cashier sells; a manager also refunds, pays out and sets up</source>
        <translation>Un caissier vend ; un gérant rembourse aussi, verse et règle la console</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="701"/>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="703"/>
        <source>PIN again</source>
        <translation>Répéter le code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="710"/>
        <source>Add user</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="714"/>
        <source>Add this user</source>
        <translation>Ajouter cet utilisateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="725"/>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="727"/>
        <source>New PIN again</source>
        <translation>Répéter le nouveau code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="733"/>
        <source>Change PIN</source>
        <translation>Changer le code PIN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="737"/>
        <source>Clear the lock</source>
        <translation>Lever le blocage</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="740"/>
        <source>Let a user locked out after wrong PINs try again now</source>
        <translation>Permettre dès maintenant à un utilisateur bloqué après des codes PIN erronés de réessayer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="742"/>
        <source>New recovery codes</source>
        <translation>Nouveaux codes de secours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="745"/>
        <source>A manager&apos;s codes for a forgotten or locked PIN; the old unused ones stop working</source>
        <translation>Les codes d’un gérant pour un code PIN oublié ou bloqué ; les anciens codes inutilisés ne fonctionnent plus</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="753"/>
        <source>Give the user this PIN</source>
        <translation>Donner ce code PIN à l’utilisateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="758"/>
        <source>A disabled user cannot sign in; they are kept</source>
        <translation>Un utilisateur désactivé ne peut pas se connecter ; il est conservé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="798"/>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="826"/>
        <source>Open the settings</source>
        <translation>Ouvrir les réglages</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="830"/>
        <source>No manager approved: still locked.</source>
        <translation>Aucun gérant n’a approuvé&#x202f;: toujours verrouillé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="904"/>
        <source>Changes discarded.</source>
        <translation>Modifications annulées.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="914"/>
        <source>Secret keys are kept in this computer&apos;s secure key store.</source>
        <translation>Les clés secrètes sont gardées dans le coffre de clés sécurisé de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="937"/>
        <source>Stored. Type to replace it.</source>
        <translation>Déjà enregistré. Saisissez pour remplacer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="939"/>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="941"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="945"/>
        <source>Required: your organization&apos;s address</source>
        <translation>Obligatoire&#x202f;: l’adresse de votre organisation</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="979"/>
        <source>later (any age)</source>
        <translation>ensuite (tout âge)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1027"/>
        <source>This computer has no secure key store: use training mode until one is set up.</source>
        <translation>Cet ordinateur n’a pas de coffre de clés sécurisé&#x202f;: utilisez le mode formation jusqu’à ce qu’il y en ait un.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1031"/>
        <location filename="../../posapp/ui/screens/settings.py" line="1037"/>
        <source>{field} is needed for {provider}.</source>
        <translation>{field}&#x202f;: obligatoire pour {provider}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1044"/>
        <source>{provider} needs your organization&apos;s address.</source>
        <translation>{provider} a besoin de l’adresse de votre organisation.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1054"/>
        <source>At most {count} characters.</source>
        <translation>{count} caractères au maximum.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1058"/>
        <source>Letters, digits and punctuation only.</source>
        <translation>Lettres, chiffres et ponctuation uniquement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1077"/>
        <source>Every cell needs a number of seconds.</source>
        <translation>Chaque case doit contenir un nombre de secondes.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1114"/>
        <source>Use more than 0 seconds, with ages that grow from one row to the next.</source>
        <translation>Utilisez plus de 0 seconde, avec des âges croissants d’une ligne à l’autre.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1118"/>
        <source>Use 0 (off) or more minutes.</source>
        <translation>Indiquez 0 (désactivé) ou un nombre de minutes.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1133"/>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Rien n’a été enregistré&#x202f;: corrigez les champs en rouge.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1173"/>
        <source>The settings file could not be written.</source>
        <translation>Impossible d’écrire le fichier de réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1182"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1213"/>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1215"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1251"/>
        <source>Select a user in the list</source>
        <translation>Choisissez un utilisateur dans la liste</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1252"/>
        <location filename="../../posapp/ui/screens/settings.py" line="1258"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1256"/>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1270"/>
        <source>The two PINs are not the same.</source>
        <translation>Les deux codes PIN sont différents.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1295"/>
        <source>{name} can sign in now.</source>
        <translation>{name} peut se connecter dès maintenant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1315"/>
        <source>The PIN of {name} was changed.</source>
        <translation>Le code PIN de {name} a été changé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1334"/>
        <source>{name} may type their PIN again.</source>
        <translation>{name} peut de nouveau taper son code PIN.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1353"/>
        <source>Recovery codes of {name}</source>
        <translation>Codes de secours de {name}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1354"/>
        <source>Write these codes on paper and keep it away from the till: they are shown only now. Each one unlocks {name} once and sets a new PIN; the earlier codes no longer work.</source>
        <translation>Notez ces codes sur papier et gardez-le loin de la caisse : ils ne sont montrés que maintenant. Chacun débloque {name} une fois et fixe un nouveau code PIN ; les codes précédents ne fonctionnent plus.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1367"/>
        <source>New recovery codes for {name}.</source>
        <translation>Nouveaux codes de secours pour {name}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1384"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} ne peut plus se connecter.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1386"/>
        <source>{name} can sign in again.</source>
        <translation>{name} peut de nouveau se connecter.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="507"/>
        <source>Several counters</source>
        <translation>Plusieurs caisses</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="513"/>
        <source>This counter&apos;s name</source>
        <translation>Nom de cette caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="515"/>
        <source>Shown in the status bar and in the shop&apos;s reports.</source>
        <translation>Affiché dans la barre d’état et dans les rapports de la boutique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="523"/>
        <source>Shop store</source>
        <translation>Base de la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="525"/>
        <source>The PostgreSQL database the counters share (set up with &apos;posapp shop init&apos;). Add ?sslmode=verify-full for a store outside the shop. Empty: this counter works alone.</source>
        <translation>La base PostgreSQL que partagent les caisses (créée avec « posapp shop init »). Ajoutez ?sslmode=verify-full pour une base hors de la boutique. Vide&#x202f;: cette caisse travaille seule.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="537"/>
        <source>Shop store password</source>
        <translation>Mot de passe de la base de la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="539"/>
        <source>Kept in the computer&apos;s key store, never shown again.</source>
        <translation>Gardé dans le trousseau de l’ordinateur, jamais réaffiché.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="893"/>
        <source>Stored: type a new one to replace it</source>
        <translation>Enregistré&#x202f;: tapez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settings.py" line="1067"/>
        <source>The shop store&apos;s password is needed.</source>
        <translation>Le mot de passe de la base de la boutique est nécessaire.</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="50"/>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="51"/>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="54"/>
        <source>Payment of {amount}</source>
        <translation>Paiement de {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="52"/>
        <source>Refund of {amount}</source>
        <translation>Remboursement de {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="53"/>
        <source>Payout of {amount}</source>
        <translation>Versement de {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="63"/>
        <source>The customer paid</source>
        <translation>Le client a payé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="64"/>
        <source>The customer did not pay</source>
        <translation>Le client n’a pas payé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="68"/>
        <source>The refund reached the customer</source>
        <translation>Le client a été remboursé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="69"/>
        <source>The refund was not sent</source>
        <translation>Le remboursement n’est pas parti</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="72"/>
        <source>The money was sent</source>
        <translation>L’argent est parti</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="73"/>
        <source>The money was not sent</source>
        <translation>L’argent n’est pas parti</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="82"/>
        <source>Recorded as paid: it counts in today&apos;s takings.</source>
        <translation>Enregistré comme payé&#x202f;: il compte dans les recettes du jour.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="84"/>
        <source>Recorded as not paid. Ask the customer to pay again if they still owe it.</source>
        <translation>Enregistré comme non payé. Demandez au client de payer à nouveau s’il doit encore la somme.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="89"/>
        <source>Recorded as sent: the money left the account.</source>
        <translation>Enregistré comme envoyé&#x202f;: l’argent a quitté le compte.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="91"/>
        <source>Recorded as not sent: no money left the account. It can be sent again if it is owed.</source>
        <translation>Enregistré comme non envoyé&#x202f;: aucun argent n’a quitté le compte. Il peut être renvoyé s’il est dû.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="121"/>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="147"/>
        <source>Settle an unknown outcome</source>
        <translation>Régler un résultat inconnu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="178"/>
        <source>Ask {provider} again</source>
        <translation>Redemander à {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="190"/>
        <source>What you found</source>
        <translation>Ce que vous avez constaté</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="210"/>
        <source>How you know (required)</source>
        <translation>Comment vous le savez (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="215"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="217"/>
        <source>Where you saw the outcome, kept in the journal</source>
        <translation>Où vous avez vu le résultat, gardé dans le journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="220"/>
        <source>Seen in the provider&apos;s dashboard, confirmed by its support, the customer&apos;s SMS...</source>
        <translation>Vu dans le tableau de bord du prestataire, confirmé par son support, SMS du client...</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="232"/>
        <source>A manager approves. Nothing is sent to the provider: the journal records what you found, who settled it and when.</source>
        <translation>Un responsable approuve. Rien n’est envoyé au prestataire&#x202f;: le journal enregistre ce que vous avez constaté, qui a réglé et quand.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="244"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="246"/>
        <source>Record the outcome</source>
        <translation>Enregistrer le résultat</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="253"/>
        <source>A manager approves; it is recorded</source>
        <translation>Un gérant approuve ; c’est enregistré</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="259"/>
        <source>Close; nothing is recorded</source>
        <translation>Fermer ; rien n’est enregistré</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="279"/>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="459"/>
        <source>Outcome recorded</source>
        <translation>Résultat enregistré</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="300"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="334"/>
        <source>From {who}</source>
        <translation>De {who}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="335"/>
        <source>To {who}</source>
        <translation>À {who}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="342"/>
        <source>{provider} reference: {ref}</source>
        <translation>Référence {provider}&#x202f;: {ref}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="346"/>
        <source>No {provider} reference: the request may never have reached {provider}.</source>
        <translation>Pas de référence {provider}&#x202f;: la demande n’est peut-être jamais arrivée chez {provider}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="353"/>
        <source>Our reference: {ref}</source>
        <translation>Notre référence&#x202f;: {ref}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="358"/>
        <source>The console could not learn whether this went through, so it never sends it again. Look it up in {provider}&apos;s dashboard or ask its support (give them the references above), then record what you found.</source>
        <translation>La caisse n’a pas pu savoir si l’opération a abouti, elle ne la renvoie donc jamais. Cherchez-la dans le tableau de bord de {provider} ou demandez à son support (avec les références ci-dessus), puis enregistrez ce que vous avez constaté.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="384"/>
        <source>Choose what you found.</source>
        <translation>Choisissez ce que vous avez constaté.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="389"/>
        <source>Say how you know: the next manager will read it.</source>
        <translation>Dites comment vous le savez&#x202f;: le prochain responsable le lira.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="402"/>
        <source>Asking…</source>
        <translation>Demande en cours…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="414"/>
        <source>Still no clear answer from {provider}: check its dashboard.</source>
        <translation>Toujours pas de réponse claire de {provider}&#x202f;: vérifiez son tableau de bord.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="462"/>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="467"/>
        <source>The provider answered</source>
        <translation>Le prestataire a répondu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="463"/>
        <source>{provider} now gives a clear answer, recorded in the journal: nothing left to settle.</source>
        <translation>{provider} donne maintenant une réponse claire, enregistrée dans le journal&#x202f;: plus rien à régler.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/settle_dialog.py" line="468"/>
        <source>{provider} knows it now: it is still in progress, and the console follows it until it ends. Nothing left to settle.</source>
        <translation>{provider} la connaît maintenant&#x202f;: elle est toujours en cours et la caisse la suit jusqu’au bout. Plus rien à régler.</translation>
    </message>
</context>
<context>
    <name>ShopMessages</name>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="20"/>
        <source>The shop store {where} does not accept connections from this computer: its administrator must allow it.</source>
        <translation>La base de la boutique {where} n’accepte pas les connexions de cet ordinateur&#x202f;: son administrateur doit l’autoriser.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="24"/>
        <source>The shop store {where} refused the password: check it in Settings.</source>
        <translation>La base de la boutique {where} a refusé le mot de passe&#x202f;: vérifiez-le dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="25"/>
        <source>The shop store {where} does not offer a secure (TLS) connection, and its address asks for one.</source>
        <translation>La base de la boutique {where} n’offre pas de connexion sécurisée (TLS), alors que son adresse en demande une.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="29"/>
        <source>The shop store {where} could not be proven to be the right server (TLS): check its certificate files and that the address names the server as its certificate does.</source>
        <translation>Impossible de prouver que la base de la boutique {where} est le bon serveur (TLS)&#x202f;: vérifiez ses fichiers de certificat et que l’adresse nomme le serveur comme son certificat.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="34"/>
        <source>The shop store {where} does not know the user named in the address: check the address in Settings.</source>
        <translation>La base de la boutique {where} ne connaît pas l’utilisateur nommé dans l’adresse&#x202f;: vérifiez l’adresse dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="38"/>
        <source>The shop store {where} has no such database.</source>
        <translation>La base de la boutique {where} n’existe pas sur ce serveur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="39"/>
        <source>The shop store {where} cannot be reached: nothing answers there (is PostgreSQL running?).</source>
        <translation>La base de la boutique {where} est injoignable&#x202f;: rien n’y répond (PostgreSQL est-il lancé&#x202f;?).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="43"/>
        <source>The shop store {where} cannot be reached: its computer&apos;s name is not known on this network.</source>
        <translation>La base de la boutique {where} est injoignable&#x202f;: le nom de son ordinateur est inconnu sur ce réseau.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="47"/>
        <source>The shop store {where} cannot be reached: it did not answer in time.</source>
        <translation>La base de la boutique {where} est injoignable&#x202f;: elle n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="48"/>
        <source>The shop store {where} cannot be reached: the connection was cut.</source>
        <translation>La base de la boutique {where} est injoignable&#x202f;: la connexion a été coupée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="49"/>
        <source>The shop store {where} cannot be reached.</source>
        <translation>La base de la boutique {where} est injoignable.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="50"/>
        <source>Enter the shop store&apos;s address, such as {example}.</source>
        <translation>Saisissez l’adresse de la base de la boutique, par exemple {example}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="51"/>
        <source>Leave the password out of the address: it is kept in the computer&apos;s key store.</source>
        <translation>Ne mettez pas le mot de passe dans l’adresse&#x202f;: il est gardé dans le trousseau de l’ordinateur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="52"/>
        <source>The shop store&apos;s address needs the database name at the end (…/shop).</source>
        <translation>L’adresse de la base de la boutique doit finir par le nom de la base (…/shop).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="53"/>
        <source>The terminals&apos; password needs at least {count} characters.</source>
        <translation>Le mot de passe des caisses doit avoir au moins {count} caractères.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="54"/>
        <source>The shop store was set up by a newer posapp (it has {migrations}): update posapp on this terminal to use it.</source>
        <translation>La base de la boutique a été préparée par un posapp plus récent (elle a {migrations})&#x202f;: mettez posapp à jour sur cette caisse pour l’utiliser.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="58"/>
        <source>The shop store {where} refused the request.</source>
        <translation>La base de la boutique {where} a refusé la demande.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="59"/>
        <source>The shop store&apos;s address cannot be read; it looks like {example}.</source>
        <translation>L’adresse de la base de la boutique est illisible&#x202f;; elle ressemble à {example}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="60"/>
        <source>The shop store {where} was set up by an older posapp: run &apos;posapp shop init&apos; there again to bring it up to date.</source>
        <translation>La base de la boutique {where} a été préparée par un posapp plus ancien&#x202f;: relancez « posapp shop init » pour la mettre à jour.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="65"/>
        <source>The shop store refused this counter&apos;s events: one before them is missing there. Nothing after the gap is sent.</source>
        <translation>La base de la boutique a refusé les événements de cette caisse&#x202f;: il lui en manque un avant eux. Rien n’est envoyé après le trou.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="70"/>
        <source>The shop store {where} does not let this counter do that: run &apos;posapp shop init&apos; there again.</source>
        <translation>La base de la boutique {where} n’autorise pas cette caisse à le faire&#x202f;: relancez « posapp shop init » sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="74"/>
        <source>The shop store could not be set up.</source>
        <translation>La base de la boutique n’a pas pu être préparée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="75"/>
        <source>The shop store {where} is not set up for posapp: run &apos;posapp shop init&apos; there.</source>
        <translation>La base de la boutique {where} n’est pas préparée pour posapp&#x202f;: lancez « posapp shop init » sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="77"/>
        <source>The shop store holds {held} events of this counter but its journal only {local}: this journal is older than what it already sent (restored from a backup?). Nothing more is sent until a manager sorts it out.</source>
        <translation>La base de la boutique détient {held} événements de cette caisse mais son journal seulement {local}&#x202f;: ce journal est plus ancien que ce qu’il a déjà envoyé (restauré depuis une sauvegarde&#x202f;?). Plus rien n’est envoyé tant qu’un gérant n’a pas réglé la question.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="83"/>
        <source>The shop store holds {held} user changes of this counter but its journal only {local}.</source>
        <translation>La base de la boutique détient {held} modifications d’utilisateurs de cette caisse mais son journal seulement {local}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="87"/>
        <source>The shop link stopped on an unexpected error (it is in the log).</source>
        <translation>Le lien avec la boutique s’est arrêté sur une erreur inattendue (elle est dans le journal technique).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="88"/>
        <source>This counter&apos;s journal has no event {missing} (the next one is {found}): the journal is damaged, and nothing after the gap is sent.</source>
        <translation>Le journal de cette caisse n’a pas d’événement {missing} (le suivant est {found})&#x202f;: le journal est endommagé, et rien n’est envoyé après le trou.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="93"/>
        <source>This counter&apos;s journal has no user change {missing}: it is damaged, and nothing after the gap is sent.</source>
        <translation>Le journal de cette caisse n’a pas de modification d’utilisateur {missing}&#x202f;: il est endommagé, et rien n’est envoyé après le trou.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="98"/>
        <source>The shop store&apos;s password is not set on this counter: a manager enters it in Settings.</source>
        <translation>Le mot de passe de la base de la boutique n’est pas saisi sur cette caisse&#x202f;: un gérant le saisit dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="103"/>
        <source>Give this counter a name, such as &apos;Counter 2&apos;.</source>
        <translation>Donnez un nom à cette caisse, par exemple « Caisse 2 ».</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="104"/>
        <source>A counter&apos;s name has at most {count} characters.</source>
        <translation>Le nom d’une caisse a au plus {count} caractères.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="105"/>
        <source>A counter&apos;s name cannot hold control characters.</source>
        <translation>Le nom d’une caisse ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="107"/>
        <source>The shop store refused refund {ref}; nothing was sent.</source>
        <translation>La base de la boutique a refusé le remboursement {ref}&#x202f;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="108"/>
        <source>Refund {ref} names no sale; nothing was sent.</source>
        <translation>Le remboursement {ref} ne nomme aucune vente&#x202f;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="109"/>
        <source>Other refunds of {sale} across the shop leave at most {left} to refund; nothing was sent.</source>
        <translation>D’autres remboursements de {sale} dans la boutique laissent au plus {left} à rembourser&#x202f;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="113"/>
        <source>{sale} was paid in another currency; nothing was sent.</source>
        <translation>{sale} a été payé dans une autre devise&#x202f;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="114"/>
        <source>The shop store cannot approve this refund now; nothing was sent.</source>
        <translation>La base de la boutique ne peut pas approuver ce remboursement maintenant&#x202f;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="116"/>
        <source>{ref} was taken at this counter: refund it from History.</source>
        <translation>{ref} a été encaissé à cette caisse&#x202f;: remboursez-le depuis l’Historique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="117"/>
        <source>{ref} is not a paid sale.</source>
        <translation>{ref} n’est pas une vente payée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="118"/>
        <source>{ref} was paid in cash at {counter}: it is handed back from that counter&apos;s drawer.</source>
        <translation>{ref} a été payé en espèces à {counter}&#x202f;: il se rend depuis le tiroir de cette caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="122"/>
        <source>{ref} was paid through {provider}, not {current}: only it can refund it.</source>
        <translation>{ref} a été payé par {provider}, pas par {current}&#x202f;: lui seul peut le rembourser.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="123"/>
        <source>{ref} is a card payment: refund it at {counter}.</source>
        <translation>{ref} est un paiement par carte&#x202f;: remboursez-le à {counter}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="124"/>
        <source>A refund of {ref} is between 1 and {amount}.</source>
        <translation>Un remboursement de {ref} est compris entre 1 et {amount}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="125"/>
        <source>The number that paid {ref} is not known: refund it as a payout.</source>
        <translation>Le numéro qui a payé {ref} est inconnu&#x202f;: remboursez-le par un versement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="126"/>
        <source>The payer&apos;s number {phone} cannot receive a refund.</source>
        <translation>Le numéro du payeur {phone} ne peut pas recevoir de remboursement.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="127"/>
        <source>A sale of {counter} is refunded only while the shop store can be reached. Nothing was sent; the customer can be refunded at that counter.</source>
        <translation>Une vente de {counter} ne se rembourse que si la base de la boutique est joignable. Rien n’a été envoyé&#x202f;; le client peut être remboursé à cette caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="132"/>
        <source>The shop store cannot approve this refund now. Nothing was sent.</source>
        <translation>La base de la boutique ne peut pas approuver ce remboursement maintenant. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="133"/>
        <source>Not refunded: refunds across the shop leave at most {left} to refund on {ref}. Nothing was sent.</source>
        <translation>Non remboursé&#x202f;: les remboursements dans la boutique laissent au plus {left} à rembourser sur {ref}. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="137"/>
        <source>Not refunded: the shop store does not see {ref} as paid. Nothing was sent.</source>
        <translation>Non remboursé&#x202f;: la base de la boutique ne voit pas {ref} comme payé. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="138"/>
        <source>Not refunded: the shop store does not hold {ref}. Nothing was sent.</source>
        <translation>Non remboursé&#x202f;: la base de la boutique ne détient pas {ref}. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="139"/>
        <source>Not refunded: the shop store refused. Nothing was sent.</source>
        <translation>Non remboursé&#x202f;: la base de la boutique a refusé. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_messages.py" line="141"/>
        <source>The shop view could not be read: an unexpected error (it is in the log).</source>
        <translation>La vue de la boutique n’a pas pu être lue&#x202f;: une erreur inattendue (elle est dans le journal technique).</translation>
    </message>
</context>
<context>
    <name>ShopRefunds</name>
    <message>
        <location filename="../../posapp/ui/shop_refunds.py" line="65"/>
        <source>This sale cannot be refunded any more.</source>
        <translation>Cette vente ne peut plus être remboursée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_refunds.py" line="82"/>
        <source>Refund of {ref} ({paid}) taken at {counter}</source>
        <translation>Remboursement de {ref} ({paid}) encaissé à {counter}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shop_refunds.py" line="96"/>
        <source>Not approved: nothing was sent.</source>
        <translation>Non approuvé&#x202f;: rien n’a été envoyé.</translation>
    </message>
</context>
<context>
    <name>ShopStatus</name>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="31"/>
        <source>Shop: connected</source>
        <translation>Boutique&#x202f;: connectée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="33"/>
        <source>Shop: sending, {count} waiting</source>
        <translation>Boutique&#x202f;: envoi, {count} en attente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="35"/>
        <source>Shop: offline, {count} waiting (out of date since {time})</source>
        <translation>Boutique&#x202f;: hors ligne, {count} en attente (pas à jour depuis {time})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="39"/>
        <source>Shop: not connected (out of date since {time})</source>
        <translation>Boutique&#x202f;: non connectée (pas à jour depuis {time})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="43"/>
        <source>Shop: stopped</source>
        <translation>Boutique&#x202f;: arrêtée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="45"/>
        <source>Shop: connecting</source>
        <translation>Boutique&#x202f;: connexion…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="80"/>
        <source>Counter</source>
        <translation>Comptoir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="82"/>
        <source>The name of this counter, as its receipts print it</source>
        <translation>Le nom de ce comptoir, tel que ses reçus l’impriment</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/shop_status.py" line="99"/>
        <source>Counter: {name}</source>
        <translation>Comptoir&#x202f;: {name}</translation>
    </message>
</context>
<context>
    <name>ShopView</name>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="111"/>
        <location filename="../../posapp/ui/screens/shop_view.py" line="318"/>
        <source>The whole shop</source>
        <translation>Toute la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="134"/>
        <location filename="../../posapp/ui/screens/shop_view.py" line="288"/>
        <source>All counters</source>
        <translation>Toutes les caisses</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="137"/>
        <source>Search a reference or a phone number</source>
        <translation>Chercher une référence ou un numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="138"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="147"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="148"/>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="149"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="150"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="151"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="152"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="159"/>
        <source>Show more</source>
        <translation>Afficher plus</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="169"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="176"/>
        <source>Show the day</source>
        <translation>Afficher la journée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="177"/>
        <source>Record this report</source>
        <translation>Enregistrer ce rapport</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="188"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="189"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="190"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="191"/>
        <source>Payouts</source>
        <translation>Paiements sortants</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="192"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="202"/>
        <source>End of day</source>
        <translation>Fin de journée</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="319"/>
        <source>Counter {name}</source>
        <translation>Caisse {name}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="320"/>
        <source>Cashier {name}</source>
        <translation>Caissier {name}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="329"/>
        <source>{counter}: up to date at {time}</source>
        <translation>{counter}&#x202f;: à jour à {time}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="336"/>
        <source>{count} arrived after the report of {time}: {refs}</source>
        <translation>{count} arrivé(s) après le rapport de {time}&#x202f;: {refs}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="353"/>
        <source>The shop view is out of date since {time}: {reason} This counter&apos;s own History and end of day are complete.</source>
        <translation>La vue de la boutique n’est pas à jour depuis {time}&#x202f;: {reason} L’historique et la fin de journée de cette caisse sont complets.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="373"/>
        <source>Whole shop</source>
        <translation>Toute la boutique</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/shop_view.py" line="161"/>
        <source>Refund this sale…</source>
        <translation>Rembourser cette vente…</translation>
    </message>
</context>
<context>
    <name>StartupProblem</name>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="41"/>
        <source>another posapp window on this computer</source>
        <translation>une autre fenêtre posapp sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="42"/>
        <source>process {pid} on {host}</source>
        <translation>processus {pid} sur {host}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="46"/>
        <source>, since {when}</source>
        <translation>, depuis le {when}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="54"/>
        <source>restore the last backup (made {when})</source>
        <translation>restaurer la dernière sauvegarde (faite le {when})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="58"/>
        <source>there is no backup of it yet</source>
        <translation>il n’en existe encore aucune sauvegarde</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="63"/>
        <source>posapp is already open on this journal</source>
        <translation>posapp est déjà ouvert sur ce journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="64"/>
        <source>Another posapp window uses this journal: {who}. Only one window may use a journal at a time, so that no payment is followed or settled twice.</source>
        <translation>Une autre fenêtre posapp utilise ce journal : {who}. Une seule fenêtre peut utiliser un journal à la fois, pour qu’aucun paiement ne soit suivi ou réglé deux fois.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="69"/>
        <source>Use the window that is open (bring it forward), or close it first.</source>
        <translation>Utilisez la fenêtre déjà ouverte (faites-la passer devant), ou fermez-la d’abord.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="75"/>
        <source>This journal was written by a newer posapp</source>
        <translation>Ce journal a été écrit par une version plus récente de posapp</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="76"/>
        <source>A newer version of posapp saved this file; this one cannot safely write to it.</source>
        <translation>Une version plus récente de posapp a enregistré ce fichier ; celle-ci ne peut pas y écrire sans risque.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="79"/>
        <source>Install the newer posapp again, or open the journal read-only for History.</source>
        <translation>Réinstallez la version plus récente de posapp, ou ouvrez le journal en lecture seule pour l’Historique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="85"/>
        <source>The journal file is damaged</source>
        <translation>Le fichier du journal est endommagé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="86"/>
        <source>The file is not a whole posapp journal: it may have been cut short or damaged on the disk.</source>
        <translation>Le fichier n’est pas un journal posapp complet : il a peut-être été tronqué ou endommagé sur le disque.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="90"/>
        <source>You can {backup}, or call support with the log named below.</source>
        <translation>Vous pouvez {backup}, ou appeler l’assistance avec le journal d’activité indiqué ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="96"/>
        <source>The journal&apos;s folder cannot be written</source>
        <translation>Le dossier du journal ne peut pas être écrit</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="97"/>
        <source>posapp writes every payment to the journal before sending it, and this folder or file is read-only for your account.</source>
        <translation>posapp écrit chaque paiement dans le journal avant de l’envoyer, et ce dossier ou ce fichier est en lecture seule pour votre compte.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="102"/>
        <source>Ask whoever looks after this computer to let your account write to the folder, or open the journal read-only for History.</source>
        <translation>Demandez à la personne qui s’occupe de cet ordinateur d’autoriser votre compte à écrire dans le dossier, ou ouvrez le journal en lecture seule pour l’Historique.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="110"/>
        <source>The disk is full</source>
        <translation>Le disque est plein</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="111"/>
        <source>posapp writes every payment to the journal before sending it, and the disk that holds the journal has no space left.</source>
        <translation>posapp écrit chaque paiement dans le journal avant de l’envoyer, et le disque qui contient le journal n’a plus de place.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="116"/>
        <source>Free some space on this disk (move or delete files), then open posapp again.</source>
        <translation>Libérez de la place sur ce disque (déplacez ou supprimez des fichiers), puis rouvrez posapp.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="122"/>
        <source>The disk reports an error</source>
        <translation>Le disque signale une erreur</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="123"/>
        <source>Reading or writing the journal failed with a disk error.</source>
        <translation>La lecture ou l’écriture du journal a échoué sur une erreur du disque.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="126"/>
        <source>Check the disk (a USB disk may have been pulled out) and open posapp again; if it stays broken, you can {backup}.</source>
        <translation>Vérifiez le disque (un disque USB a peut-être été débranché) et rouvrez posapp ; s’il reste en panne, vous pouvez {backup}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="134"/>
        <source>The journal cannot be opened</source>
        <translation>Le journal ne peut pas être ouvert</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="135"/>
        <source>posapp could not open its journal.</source>
        <translation>posapp n’a pas pu ouvrir son journal.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="136"/>
        <source>Call support with the log named below.</source>
        <translation>Appelez l’assistance avec le journal d’activité indiqué ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="149"/>
        <source>The other window did not answer: it may be closing. Try again, or quit.</source>
        <translation>L’autre fenêtre n’a pas répondu : elle est peut-être en train de se fermer. Réessayez, ou quittez.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="155"/>
        <source>The backup could not be restored: {reason}</source>
        <translation>La sauvegarde n’a pas pu être restaurée : {reason}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="170"/>
        <source>posapp: the journal</source>
        <translation>posapp : le journal</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="178"/>
        <source>File: {path}</source>
        <translation>Fichier : {path}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="182"/>
        <source>Nothing in it was changed.</source>
        <translation>Rien n’y a été modifié.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="184"/>
        <source>Nothing was changed, and nothing was resumed here.</source>
        <translation>Rien n’a été modifié, et rien n’a été repris ici.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="189"/>
        <source>Log for support: {path}</source>
        <translation>Journal d’activité pour l’assistance : {path}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="205"/>
        <source>Bring it forward</source>
        <translation>La faire passer devant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="206"/>
        <source>Restore the last backup…</source>
        <translation>Restaurer la dernière sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="207"/>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="208"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="210"/>
        <source>History and export only: no payment can be taken.</source>
        <translation>Historique et export uniquement : aucun paiement ne peut être pris.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="242"/>
        <source>Restore the copy made {when}? Payments made after it are not in it. The current file is kept aside, not deleted. Press Restore again to go on.</source>
        <translation>Restaurer la copie faite le {when} ? Les paiements faits après n’y sont pas. Le fichier actuel est mis de côté, pas supprimé. Appuyez de nouveau sur Restaurer pour continuer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/startup_problem.py" line="249"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="30"/>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="31"/>
        <source>Waiting for the customer</source>
        <translation>En attente du client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="32"/>
        <source>Code needed</source>
        <translation>Code requis</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="33"/>
        <source>Authorized, to capture</source>
        <translation>Autorisé, à encaisser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="34"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="35"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="36"/>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="37"/>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="38"/>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="71"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="25"/>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="39"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="22"/>
        <source>Being sent</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="27"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/status_badge.py" line="40"/>
        <source>Partly refunded</source>
        <translation>Partiellement remboursé</translation>
    </message>
</context>
<context>
    <name>TakingsChart</name>
    <message>
        <location filename="../../posapp/ui/widgets/takings_chart.py" line="135"/>
        <source>Takings chart</source>
        <translation>Graphique des encaissements</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/takings_chart.py" line="149"/>
        <source>{total} in all. {periods}</source>
        <translation>{total} en tout. {periods}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/takings_chart.py" line="151"/>
        <source>Nothing taken yet.</source>
        <translation>Rien d’encaissé pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/takings_chart.py" line="278"/>
        <source>Nothing taken yet in this period.</source>
        <translation>Aucun encaissement sur cette période.</translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <location filename="../../posapp/ui/till.py" line="85"/>
        <source>Cash payment</source>
        <translation>Paiement en espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="100"/>
        <source>Still to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="108"/>
        <source>QR code for the rest</source>
        <translation>Code QR pour le reste</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="110"/>
        <source>Push the rest to the phone</source>
        <translation>Demander le reste au téléphone</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="112"/>
        <source>More cash</source>
        <translation>Encore des espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="116"/>
        <source>Show a QR code for what is still to pay</source>
        <translation>Afficher un code QR pour le reste à payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="118"/>
        <source>Ask the phone typed on the Sale screen for what is still to pay</source>
        <translation>Demander le reste à payer au téléphone saisi sur l’écran Vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="123"/>
        <source>Take more cash for what is still to pay</source>
        <translation>Encaisser encore des espèces pour le reste à payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="144"/>
        <source>PAID</source>
        <translation>PAYÉ</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="152"/>
        <location filename="../../posapp/ui/till.py" line="159"/>
        <source>Change to give back</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="160"/>
        <source>New sale</source>
        <translation>Nouvelle vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="166"/>
        <source>New sale (Enter or {key})</source>
        <translation>Nouvelle vente (Entrée ou {key})</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="180"/>
        <source>Back to the sale</source>
        <translation>Retour à la vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="187"/>
        <source>Back to the sale before any cash is taken</source>
        <translation>Revenir à la vente avant d’encaisser des espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="214"/>
        <source>Sale of {amount}</source>
        <translation>Vente de {amount}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="224"/>
        <source>Sale of {amount}: {paid} paid so far.</source>
        <translation>Vente de {amount} : {paid} payés jusqu&apos;ici.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="234"/>
        <source>{amount} is waiting for the customer&apos;s mobile money: wait for its outcome.</source>
        <translation>{amount} attend le paiement mobile du client : attendez son résultat.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="249"/>
        <source>Type the customer&apos;s phone on the Sale screen</source>
        <translation>Saisissez le téléphone du client sur l&apos;écran Vente</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="314"/>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="328"/>
        <source>Opening float</source>
        <translation>Fonds de caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="330"/>
        <source>Count the drawer</source>
        <translation>Compter la caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="341"/>
        <source>Why open the drawer without a sale (change, a check)</source>
        <translation>Pourquoi ouvrir le tiroir sans vente (monnaie, contrôle)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="343"/>
        <source>Why open the drawer</source>
        <translation>Pourquoi ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="345"/>
        <source>Recorded in the journal with who opened it; Enter opens it</source>
        <translation>Enregistré dans le journal avec qui l’a ouvert&#x202f;; Entrée l’ouvre</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="347"/>
        <source>Open drawer</source>
        <translation>Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="354"/>
        <source>Enter the cash in the drawer at the start of the shift</source>
        <translation>Saisir les espèces du tiroir au début du service</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="359"/>
        <source>Count the drawer and see the difference (a manager)</source>
        <translation>Compter le tiroir et voir l’écart (un gérant)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="364"/>
        <source>Open the drawer without a sale: recorded with who and why</source>
        <translation>Ouvrir le tiroir sans vente&#x202f;: enregistré avec qui et pourquoi</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="366"/>
        <source>The drawer today</source>
        <translation>Le tiroir aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="373"/>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="399"/>
        <source>Say why the drawer is opened.</source>
        <translation>Dites pourquoi le tiroir est ouvert.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="411"/>
        <source>No cash in or out of {cashier}&apos;s drawer today yet.</source>
        <translation>Aucune entrée ni sortie d&apos;espèces dans la caisse de {cashier} aujourd&apos;hui.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="417"/>
        <source>{cashier}&apos;s drawer today: float {float}, cash sales {sales}, refunds {refunds}, paid out {payouts}; expected {expected}.</source>
        <translation>Caisse de {cashier} aujourd&apos;hui : fonds {float}, ventes en espèces {sales}, remboursements {refunds}, sorties {payouts} ; attendu {expected}.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="430"/>
        <source>Counted {counted} (difference {difference}).</source>
        <translation>Compté {counted} (écart {difference}).</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="450"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="452"/>
        <source>Given</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="453"/>
        <source>Change</source>
        <translation>Monnaie</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="457"/>
        <source>Mobile money</source>
        <translation>Paiement mobile</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="461"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="463"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="469"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="471"/>
        <source>Counter</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="472"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="584"/>
        <source>A manager sets up the printer.</source>
        <translation>Un responsable configure l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="593"/>
        <source>The settings could not be saved: {reason}</source>
        <translation>Les réglages n&apos;ont pas pu être enregistrés : {reason}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="598"/>
        <source>Printer saved.</source>
        <translation>Imprimante enregistrée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="712"/>
        <source>The mobile money part was not paid: {amount} is still to pay.</source>
        <translation>La part en paiement mobile n&apos;a pas été payée : il reste {amount} à payer.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="740"/>
        <source>Only a manager opens the drawer without a sale here.</source>
        <translation>Ici, seul un responsable ouvre le tiroir sans vente.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="746"/>
        <source>Opening recorded.</source>
        <translation>Ouverture enregistrée.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="749"/>
        <source>Opening recorded. No printer drives the drawer: use its key.</source>
        <translation>Ouverture enregistrée. Aucune imprimante ne commande le tiroir : utilisez sa clé.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="762"/>
        <source>printer settings: drawer test</source>
        <translation>réglages de l&apos;imprimante : essai du tiroir</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="799"/>
        <source>A manager counts the drawer.</source>
        <translation>Un responsable compte la caisse.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="826"/>
        <source>TEST PRINT</source>
        <translation>PAGE DE TEST</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="828"/>
        <source>Paper: {paper}, {columns} characters per line</source>
        <translation>Papier : {paper}, {columns} caractères par ligne</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="831"/>
        <source>Accents: é è ê à â ç ô î ï ù û ë É È À Ç</source>
        <translation>Accents : é è ê à â ç ô î ï ù û ë É È À Ç</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="910"/>
        <source>Sent to the receipt printer again.</source>
        <translation>Renvoyé à l&apos;imprimante de tickets.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="924"/>
        <source>This receipt cannot be made again from the journal.</source>
        <translation>Ce reçu ne peut pas être refait à partir du journal.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/till.py" line="952"/>
        <source>Receipts from before the console stopped did not print: see Till.</source>
        <translation>Des reçus d’avant l’arrêt de la console ne sont pas imprimés&#x202f;: voir Caisse.</translation>
    </message>
</context>
<context>
    <name>TrainingPhonePanel</name>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="296"/>
        <source>TRAINING — emulated customer phone</source>
        <translation>FORMATION — téléphone client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="304"/>
        <location filename="../../posapp/ui/screens/training_phone.py" line="308"/>
        <source>This phone&apos;s number</source>
        <translation>Numéro de ce téléphone</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="312"/>
        <source>The number the customer pays payment links with</source>
        <translation>Le numéro avec lequel le client paie les liens de paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="334"/>
        <source>Payment requests</source>
        <translation>Demandes de paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="337"/>
        <source>Payment links (QR code scanned)</source>
        <translation>Liens de paiement (QR scanné)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="340"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="343"/>
        <source>Nothing on this phone yet. Start a payment at the till: codes, requests and links appear here.</source>
        <translation>Rien sur ce téléphone pour l’instant. Lancez un paiement à la caisse&#x202f;: codes, demandes et liens s’affichent ici.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="415"/>
        <source>The training emulator of {provider} does not answer.</source>
        <translation>L’émulateur de formation de {provider} ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="523"/>
        <source>{provider} asks you to pay</source>
        <translation>Demande de {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="531"/>
        <source>To {number}</source>
        <translation>À {number}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="538"/>
        <source>Read this SMS code to the cashier, then approve:</source>
        <translation>Dites ce code SMS au caissier, puis acceptez&#x202f;:</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="544"/>
        <source>Read the SMS code to the cashier first.</source>
        <translation>Dites d’abord le code SMS au caissier.</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="552"/>
        <source>Approve</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="556"/>
        <source>The customer approves the payment</source>
        <translation>Le client accepte le paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="557"/>
        <location filename="../../posapp/ui/screens/training_phone.py" line="599"/>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="560"/>
        <source>The customer refuses the payment</source>
        <translation>Le client refuse le paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="561"/>
        <source>Ignore (let it expire)</source>
        <translation>Ignorer (laisser expirer)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="565"/>
        <source>The customer never answers: the payment expires</source>
        <translation>Le client ne répond jamais&#x202f;: le paiement expire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="580"/>
        <source>{provider} checkout page</source>
        <translation>Page de paiement {provider}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="587"/>
        <source>Open the checkout page</source>
        <translation>Ouvrir la page de paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="595"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="598"/>
        <source>The customer pays on the checkout page</source>
        <translation>Le client paie sur la page de paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="603"/>
        <source>The customer refuses on the checkout page</source>
        <translation>Le client refuse sur la page de paiement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="605"/>
        <source>Walk away without paying</source>
        <translation>Partir sans payer</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="609"/>
        <source>The customer leaves without paying: the link expires</source>
        <translation>Le client part sans payer&#x202f;: le lien expire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="630"/>
        <source>SMS from {sender} to {number}</source>
        <translation>SMS de {sender} au {number}</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/screens/training_phone.py" line="670"/>
        <source>The training emulator does not answer.</source>
        <translation>L’émulateur de formation ne répond pas.</translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="75"/>
        <source>QR payment</source>
        <translation>Paiement par QR</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="76"/>
        <source>Push payment</source>
        <translation>Paiement poussé</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="77"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="78"/>
        <source>Payout</source>
        <translation>Versement</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="79"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="94"/>
        <source>My-CoolPay wallet</source>
        <translation>Portefeuille My-CoolPay</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="103"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="104"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="105"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="106"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="107"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="108"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="109"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="110"/>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="111"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/models/transactions_model.py" line="112"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
</context>
</TS>
