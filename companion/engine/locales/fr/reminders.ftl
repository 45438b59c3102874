menu-reminders = Question du jour (rappels)
reminders-command = Question du jour : heure, jours, pause
reminders-weekday-0 = lundi
reminders-weekday-1 = mardi
reminders-weekday-2 = mercredi
reminders-weekday-3 = jeudi
reminders-weekday-4 = vendredi
reminders-weekday-5 = samedi
reminders-weekday-6 = dimanche
reminders-daily-intro =
    { $register ->
        [vous] 🌿 Votre question du jour :
       *[tu] 🌿 Ta question du jour :
    }
reminders-daily-how =
    { $register ->
        [vous] Répondez simplement ici, en une phrase ou plus. Rien n'est obligatoire.
       *[tu] Réponds simplement ici, en une phrase ou plus. Rien n'est obligatoire.
    }
reminders-daily-busy =
    { $register ->
        [vous] 🌿 Votre question du jour vous attend. On termine d'abord ce qu'on a commencé ; vous y répondrez quand vous voulez.
       *[tu] 🌿 Ta question du jour t'attend. On termine d'abord ce qu'on a commencé ; tu y répondras quand tu veux.
    }
reminders-daily-answer_now = Répondre à la question du jour
reminders-daily-later = Plus tard
reminders-daily-later_ok =
    { $register ->
        [vous] Pas de souci, elle vous attend. Revenez quand vous voulez.
       *[tu] Pas de souci, elle t'attend. Reviens quand tu veux.
    }
reminders-daily-short =
    { $register ->
        [vous] Dites-m'en un tout petit peu plus, même une phrase suffit.
       *[tu] Dis-m'en un tout petit peu plus, même une phrase suffit.
    }
reminders-daily-saved =
    { $register ->
        [vous] C'est dans votre journal : « { $excerpt } »
       *[tu] C'est dans ton journal : « { $excerpt } »
    }
reminders-daily-streak =
    { $register ->
        [vous] { $n } jours d'affilée à prendre ce petit moment pour vous.
       *[tu] { $n } jours d'affilée à prendre ce petit moment pour toi.
    }
reminders-daily-welcome_back =
    { $register ->
        [vous] Content de vous retrouver ici. Chaque jour où l'on prend ce temps compte.
       *[tu] Content de te retrouver ici. Chaque jour où l'on prend ce temps compte.
    }
reminders-daily-emotion_ask =
    { $register ->
        [vous] Une émotion pour accompagner ça ? Vous pouvez en choisir plusieurs, ou passer.
       *[tu] Une émotion pour accompagner ça ? Tu peux en choisir plusieurs, ou passer.
    }
reminders-daily-emotion_selected = Choisi : { $list }. Autre chose ?
reminders-daily-emotion_done = C'est tout
reminders-daily-emotion_skip = Passer
reminders-daily-emotion_saved = Noté : { $list }.
reminders-daily-emotion_none = C'est noté, sans émotion particulière. À demain peut-être.
reminders-daily-fallback_question =
    { $register ->
        [vous] Qu'est-ce qui vous a touché en ligne aujourd'hui, en bien ou en moins bien ?
       *[tu] Qu'est-ce qui t'a touché en ligne aujourd'hui, en bien ou en moins bien ?
    }
reminders-daily-personal_portrait =
    { $register ->
        [vous] Vous avez décrit votre personnage en ligne ainsi : « { $portrait } ». Aujourd'hui, en quoi lui avez-vous ressemblé, ou pas ?
       *[tu] Tu as décrit ton personnage en ligne ainsi : « { $portrait } ». Aujourd'hui, en quoi lui as-tu ressemblé, ou pas ?
    }
reminders-daily-personal_mission =
    { $register ->
        [vous] Votre mission en ligne : « { $mission } ». Qu'avez-vous fait aujourd'hui qui allait dans ce sens, même un tout petit peu ?
       *[tu] Ta mission en ligne : « { $mission } ». Qu'as-tu fait aujourd'hui qui allait dans ce sens, même un tout petit peu ?
    }
reminders-weekly-title =
    { $register ->
        [vous] 🗓 Votre semaine en un coup d'œil
       *[tu] 🗓 Ta semaine en un coup d'œil
    }
reminders-weekly-empty =
    { $register ->
        [vous] Pas d'écrit cette semaine, et c'est très bien aussi. La question du jour vous attend quand vous voulez.
       *[tu] Pas d'écrit cette semaine, et c'est très bien aussi. La question du jour t'attend quand tu veux.
    }
reminders-weekly-count =
    { $register ->
        [vous] Vous avez écrit { $n } fois dans votre journal
       *[tu] Tu as écrit { $n } fois dans ton journal
    }, dont { $daily ->
        [0] aucune réponse
        [one] une réponse
       *[other] { $daily } réponses
    } à la question du jour :
reminders-weekly-line = • { $day } — « { $excerpt } »
reminders-weekly-emotions = Émotions nommées : { $list }.
reminders-weekly-no_emotions =
    { $register ->
        [vous] Aucune émotion nommée cette semaine : vous pouvez en ajouter après votre réponse du jour.
       *[tu] Aucune émotion nommée cette semaine : tu peux en ajouter après ta réponse du jour.
    }
reminders-weekly-streak = Série en cours : { $n } jours.
reminders-weekly-outro =
    { $register ->
        [vous] Merci d'avoir pris ce temps. Bonne semaine à vous.
       *[tu] Merci d'avoir pris ce temps. Bonne semaine à toi.
    }
reminders-weekly-alt = Graphique des émotions de la semaine : { $list }.
reminders-weekly-chart_title = Émotions de la semaine
reminders-cooloff-text =
    { $register ->
        [vous] Vous vouliez prendre le temps avant de répondre. On reprend ?
       *[tu] Tu voulais prendre le temps avant de répondre. On reprend ?
    }
reminders-cooloff-resume = Reprendre
reminders-settings-off =
    { $register ->
        [vous] Je peux vous envoyer chaque jour une question pour faire le point sur votre vie en ligne, à l'heure de votre choix. Pas de pression : vous répondez si vous voulez.
       *[tu] Je peux t'envoyer chaque jour une question pour faire le point sur ta vie en ligne, à l'heure de ton choix. Pas de pression : tu réponds si tu veux.
    }
reminders-settings-turn_on = Choisir une heure
reminders-settings-summary = Question du jour à { $time }, { $days } (heure de { $zone }).
reminders-settings-days_every = tous les jours
reminders-settings-days_weekdays = du lundi au vendredi
reminders-settings-weekly_on = Bilan de la semaine : le { $day }.
reminders-settings-weekly_off = Bilan de la semaine : désactivé.
reminders-settings-paused = En pause pour l'instant.
reminders-settings-change_time = Heure
reminders-settings-change_zone = Fuseau horaire
reminders-settings-change_days = Jours
reminders-settings-change_weekly = Bilan de la semaine
reminders-settings-pause = Mettre en pause
reminders-settings-resume = Reprendre
reminders-settings-stop = Arrêter les rappels
reminders-settings-close = C'est bon
reminders-settings-closed = C'est noté.
reminders-settings-done = C'est fait.
reminders-settings-stopped =
    { $register ->
        [vous] C'est arrêté : plus de question du jour. Vous pouvez revenir ici quand vous voulez avec /rappels.
       *[tu] C'est arrêté : plus de question du jour. Tu peux revenir ici quand tu veux avec /rappels.
    }
reminders-settings-time_ask =
    { $register ->
        [vous] À quelle heure ? Choisissez un moment, ou écrivez une heure comme 19:30.
       *[tu] À quelle heure ? Choisis un moment, ou écris une heure comme 19:30.
    }
reminders-settings-time_bad =
    { $register ->
        [vous] Je n'ai pas reconnu l'heure. Écrivez-la comme 7:45 ou 21h, ou choisissez un moment.
       *[tu] Je n'ai pas reconnu l'heure. Écris-la comme 7:45 ou 21h, ou choisis un moment.
    }
reminders-settings-morning = Le matin (8:30)
reminders-settings-noon = Le midi (12:30)
reminders-settings-evening = Le soir (20:30)
reminders-settings-back = Retour
reminders-settings-zone_ask =
    { $register ->
        [vous] Vous êtes à l'heure de { $zone }. Choisissez un autre fuseau, ou écrivez-le comme Europe/Paris ou une ville comme Montréal.
       *[tu] Tu es à l'heure de { $zone }. Choisis un autre fuseau, ou écris-le comme Europe/Paris ou une ville comme Montréal.
    }
reminders-settings-zone_bad =
    { $register ->
        [vous] Je ne connais pas ce fuseau (vous restez à l'heure de { $zone }). Essayez comme Europe/Paris, ou le nom d'une grande ville.
       *[tu] Je ne connais pas ce fuseau (tu restes à l'heure de { $zone }). Essaie comme Europe/Paris, ou le nom d'une grande ville.
    }
reminders-settings-days_ask =
    { $register ->
        [vous] Quels jours ? Touchez un jour pour l'ajouter ou l'enlever.
       *[tu] Quels jours ? Touche un jour pour l'ajouter ou l'enlever.
    }
reminders-settings-days_empty =
    { $register ->
        [vous] Il faut au moins un jour. Touchez un jour pour l'ajouter, ou arrêtez les rappels depuis le menu des rappels.
       *[tu] Il faut au moins un jour. Touche un jour pour l'ajouter, ou arrête les rappels depuis le menu des rappels.
    }
reminders-settings-every_day = Tous les jours
reminders-settings-weekdays = En semaine
reminders-settings-days_done = Valider
reminders-settings-weekly_ask =
    { $register ->
        [vous] Quel jour voulez-vous recevoir le bilan de votre semaine ?
       *[tu] Quel jour veux-tu recevoir le bilan de ta semaine ?
    }
reminders-settings-no_weekly = Pas de bilan
reminders-zone-europe_paris = Paris
reminders-zone-europe_brussels = Bruxelles
reminders-zone-europe_zurich = Zurich
reminders-zone-america_toronto = Toronto
reminders-zone-africa_dakar = Dakar
reminders-zone-indian_reunion = La Réunion
reminders-zone-europe_london = Londres
reminders-zone-america_new_york = New York
reminders-zone-america_los_angeles = Los Angeles
reminders-zone-asia_kolkata = Calcutta
reminders-zone-australia_sydney = Sydney
