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

privacy-doc-profile =
    { $register ->
        [vous] Votre profil
       *[tu] Ton profil
    }
privacy-doc-language =
    { $register ->
        [vous] Je vous parle en { $language }.
       *[tu] Je te parle en { $language }.
    }
privacy-doc-register =
    { $register ->
        [vous] Je vous vouvoie.
       *[tu] Je te tutoie.
    }
privacy-doc-agreement_fem =
    { $register ->
        [vous] Dans les brouillons, les mots qui parlent de vous s'accordent au féminin.
       *[tu] Dans les brouillons, les mots qui parlent de toi s'accordent au féminin.
    }
privacy-doc-agreement_masc =
    { $register ->
        [vous] Dans les brouillons, les mots qui parlent de vous s'accordent au masculin.
       *[tu] Dans les brouillons, les mots qui parlent de toi s'accordent au masculin.
    }
privacy-doc-agreement_neutral = Dans les brouillons, j'utilise des tournures sans accord.
privacy-doc-timezone = Fuseau horaire : { $zone }.
privacy-doc-since = Première conversation : { $date }.
privacy-doc-consent =
    { $register ->
        [vous] Accord pour que je garde vos données : { $date }.
       *[tu] Accord pour que je garde tes données : { $date }.
    }
privacy-doc-inactive =
    { $register ->
        [vous] Vous avez arrêté Compagnon sur Telegram : je ne vous écris plus de moi-même.
       *[tu] Tu as arrêté Compagnon sur Telegram : je ne t'écris plus de moi-même.
    }
privacy-doc-nothing =
    { $register ->
        [vous] Je ne garde rien sur vous.
       *[tu] Je ne garde rien sur toi.
    }
privacy-doc-reminders =
    { $register ->
        [vous] Vos rappels
       *[tu] Tes rappels
    }
privacy-doc-reminders_none = Aucun rappel réglé.
privacy-doc-daily_off = La question du jour est arrêtée.
privacy-doc-streak = Jours de suite avec une réponse : { $count }.
privacy-doc-planned = Messages prévus (heure locale) :
privacy-doc-sent = Rappels déjà envoyés : { $count }.
privacy-doc-journal =
    { $register ->
        [vous] Votre journal, jour par jour
       *[tu] Ton journal, jour par jour
    }
privacy-doc-journal_none =
    { $register ->
        [vous] Votre journal est vide.
       *[tu] Ton journal est vide.
    }
privacy-doc-journeys =
    { $register ->
        [vous] Vos réponses aux parcours
       *[tu] Tes réponses aux parcours
    }
privacy-doc-journeys_none = Aucun parcours commencé.
privacy-doc-sessions =
    { $register ->
        [vous] Vos séances avant de répondre
       *[tu] Tes séances avant de répondre
    }
privacy-doc-sessions_none = Aucune séance gardée.
privacy-doc-received = Le message reçu :
privacy-doc-now = En ce moment
privacy-doc-in_flow = Une conversation est en cours : { $flow }.
privacy-doc-paused_flow = Ce qu'on faisait est mis de côté, rien n'est perdu : /reprendre pour y revenir.
privacy-doc-undelivered = Messages de ma part pas encore remis : { $count }.
privacy-doc-lang-fr = français
privacy-doc-lang-en = anglais
privacy-doc-kind-daily = Question du jour
