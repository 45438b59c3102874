privacy-command = Recevoir tout ce que je garde sur moi
privacy-export_ready =
    { $register ->
        [vous] Voici tout ce que je garde sur vous, en deux fichiers : un lisible (Markdown) et un complet pour une machine (JSON). Vous pouvez tout effacer à tout moment avec /oubli.
       *[tu] Voici tout ce que je garde sur toi, en deux fichiers : un lisible (Markdown) et un complet pour une machine (JSON). Tu peux tout effacer à tout moment avec /oubli.
    }
privacy-md_title = Mes données chez Compagnon
privacy-md_intro =
    { $register ->
        [vous] Tout ce que Compagnon garde sur vous, exporté le { $date }. Le fichier JSON joint contient les mêmes données, complètes.
       *[tu] Tout ce que Compagnon garde sur toi, exporté le { $date }. Le fichier JSON joint contient les mêmes données, complètes.
    }
privacy-md_nothing = (rien)
privacy-md_rows =
    { $count ->
        [one] { $count } ligne
       *[other] { $count } lignes
    }
privacy-table-users = Profil
privacy-table-conversation_states = Où on en est dans la conversation
privacy-table-journal_entries = Journal
privacy-table-reminder_settings = Rappels
privacy-table-follow_ups = Messages prévus
privacy-table-reminder_deliveries = Rappels envoyés
privacy-table-flood_windows = Compteur anti-rafale
flood-notice =
    { $register ->
        [vous] Vous m'écrivez très vite ! Je lis les messages un par un : ceux des prochaines secondes, je ne les lirai pas. Prenez votre temps, puis renvoyez-moi ce qui compte.
       *[tu] Tu m'écris très vite ! Je lis les messages un par un : ceux des prochaines secondes, je ne les lirai pas. Prends ton temps, puis renvoie-moi ce qui compte.
    }
fault-db_down =
    { $register ->
        [vous] Je reviens vite : j'ai un petit souci de mon côté. Je garde votre message et je vous réponds dès que c'est réglé.
       *[tu] Je reviens vite : j'ai un petit souci de mon côté. Je garde ton message et je te réponds dès que c'est réglé.
    }
fault-db_gave_up =
    { $register ->
        [vous] Désolé, le souci dure plus longtemps que prévu et je n'ai pas pu lire votre dernier message. Renvoyez-le dans quelques minutes, s'il vous plaît.
       *[tu] Désolé, le souci dure plus longtemps que prévu et je n'ai pas pu lire ton dernier message. Renvoie-le dans quelques minutes, s'il te plaît.
    }
fault-edited =
    { $register ->
        [vous] Je vois que vous avez modifié un message : je ne relis pas les messages modifiés. Si c'est important, renvoyez-le tel quel.
       *[tu] Je vois que tu as modifié un message : je ne relis pas les messages modifiés. Si c'est important, renvoie-le tel quel.
    }
