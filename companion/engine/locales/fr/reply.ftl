reply-offer =
    { $register ->
        [vous] On en parle avant que vous répondiez ? Prendre un moment, c'est déjà un choix.
       *[tu] On en parle avant que tu répondes ? Prendre un moment, c'est déjà un choix.
    }
reply-offer_yes = Oui, on en parle
reply-offer_question =
    { $register ->
        [vous] Non, c'est une question pour vous
       *[tu] Non, c'est une question pour toi
    }
reply-offer_no = Non merci
reply-declined =
    { $register ->
        [vous] D'accord. Je reste là si vous changez d'avis : /repondre.
       *[tu] D'accord. Je reste là si tu changes d'avis : /repondre.
    }
reply-paste =
    { $register ->
        [vous] Collez ici le message que vous avez reçu, ou transférez-le-moi. Je le lis comme un texte à regarder ensemble, rien de plus.
       *[tu] Colle ici le message que tu as reçu, ou transfère-le-moi. Je le lis comme un texte à regarder ensemble, rien de plus.
    }
reply-paste_skip = Je préfère le raconter
reply-cut = Le message est très long : j'en garde le début (4 000 caractères).
reply-skip = Passer
reply-back = Retour
reply-use_buttons =
    { $register ->
        [vous] Je garde ce que vous avez écrit en tête. Ici, choisissez plutôt avec les boutons (ou /cancel pour arrêter).
       *[tu] Je garde ce que tu as écrit en tête. Ici, choisis plutôt avec les boutons (ou /cancel pour arrêter).
    }
reply-nudge_short =
    { $register ->
        [vous] Dites-m'en un peu plus, même en quelques mots. Ou passez cette étape.
       *[tu] Dis-m'en un peu plus, même en quelques mots. Ou passe cette étape.
    }
reply-no_message =
    { $register ->
        [vous] Vous ne m'avez pas montré le message : on va partir de ce que vous en dites.
       *[tu] Tu ne m'as pas montré le message : on va partir de ce que tu en dis.
    }
reply-more_markers =
    { $n ->
        [one] … et un autre signe.
       *[other] … et { $n } autres signes.
    }
reply-no_markers =
    { $register ->
        [vous] Je n'y vois pas de mot blessant en particulier. La tension est peut-être ailleurs : dans le contexte, le ton, ce qu'il réveille chez vous.
       *[tu] Je n'y vois pas de mot blessant en particulier. La tension est peut-être ailleurs : dans le contexte, le ton, ce qu'il réveille chez toi.
    }
reply-marker = • { $kind } : { $explanation }
reply-reading_note =
    { $register ->
        [vous] C'est une lecture de programme, elle peut se tromper : vous connaissez le contexte mieux que moi.
       *[tu] C'est une lecture de programme, elle peut se tromper : tu connais le contexte mieux que moi.
    }
reply-reading_continue = Continuer
reply-protect = Me protéger
reply-protect_continue = Continuer à en parler
reply-protect_done = Ça me suffit pour l'instant
reply-sorted_facts = Ce qui ressemble à des faits :
reply-sorted_hint =
    { $register ->
        [vous] Votre lecture compte, elle dit ce que vous ressentez. Mais l'autre ne reconnaîtra que les faits. Vous pouvez réécrire si vous voulez, ou continuer.
       *[tu] Ta lecture compte, elle dit ce que tu ressens. Mais l'autre ne reconnaîtra que les faits. Tu peux réécrire si tu veux, ou continuer.
    }
reply-feelings =
    { $register ->
        [vous] Qu'est-ce que vous ressentez en lisant ce message ? Cochez ce qui vous parle (plusieurs choix possibles), ou écrivez-le avec vos mots.
       *[tu] Qu'est-ce que tu ressens en lisant ce message ? Coche ce qui te parle (plusieurs choix possibles), ou écris-le avec tes mots.
    }
reply-needs =
    { $register ->
        [vous] Et de quoi auriez-vous besoin ? Cochez ce qui vous parle, ou écrivez-le.
       *[tu] Et de quoi aurais-tu besoin ? Coche ce qui te parle, ou écris-le.
    }
reply-chosen = Pour l'instant : { $items }.
reply-typed =
    { $register ->
        [vous] Vous avez écrit : « { $words } ».
       *[tu] Tu as écrit : « { $words } ».
    }
reply-picker_done = C'est ça ✓
reply-mission =
    { $register ->
        [vous] Votre mission, telle que vous l'avez écrite : « { $mission } ». Répondre à ce message la sert-il ?
       *[tu] Ta mission, telle que tu l'as écrite : « { $mission } ». Répondre à ce message la sert-il ?
    }
reply-mission_yes = Oui
reply-mission_no = Pas vraiment
reply-mission_unsure = Je ne sais pas
reply-decide =
    { $register ->
        [vous] Que voulez-vous faire maintenant ?
       *[tu] Que veux-tu faire maintenant ?
    }
reply-back_from_wait =
    { $register ->
        [vous] Vous revoilà. Le temps a passé : que voulez-vous faire de ce message maintenant ?
       *[tu] Te revoilà. Le temps a passé : que veux-tu faire de ce message maintenant ?
    }
reply-decide_reply = Répondre
reply-decide_wait = Attendre un peu
reply-decide_noreply = Ne pas répondre
reply-decide_protect = Me protéger
reply-wait =
    { $register ->
        [vous] Bonne idée : laisser retomber. Quand voulez-vous que je vous le rappelle ?
       *[tu] Bonne idée : laisser retomber. Quand veux-tu que je te le rappelle ?
    }
reply-wait_hour = Dans une heure
reply-wait_evening = Ce soir
reply-wait_morning = Demain matin
reply-waiting =
    { $register ->
        [vous] C'est noté, je vous fais signe { $when }. La session est en pause : /reprendre quand vous voulez.
       *[tu] C'est noté, je te fais signe { $when }. La session est en pause : /reprendre quand tu veux.
    }
reply-draft_choice =
    { $register ->
        [vous] Voulez-vous que je vous propose un brouillon, ou préférez-vous écrire le vôtre ? Dans les deux cas, c'est vous qui décidez du texte.
       *[tu] Veux-tu que je te propose un brouillon, ou préfères-tu écrire le tien ? Dans les deux cas, c'est toi qui décides du texte.
    }
reply-draft_suggest =
    { $register ->
        [vous] Proposez-moi un brouillon
       *[tu] Propose-moi un brouillon
    }
reply-draft_own = J'écris le mien
reply-request =
    { $register ->
        [vous] Qu'aimeriez-vous demander à l'autre, concrètement ? Choisissez, ou écrivez votre demande.
       *[tu] Qu'aimerais-tu demander à l'autre, concrètement ? Choisis, ou écris ta demande.
    }
reply-suggest_level = Tension que j'y lis : { $level }/3.
reply-keep_draft = Je garde ce texte
reply-edit_draft = Je le réécris
reply-own =
    { $register ->
        [vous] Écrivez votre réponse ici, comme vous l'enverriez. Je vous dirai ce que j'y lis, sans juger.
       *[tu] Écris ta réponse ici, comme tu l'enverrais. Je te dirai ce que j'y lis, sans juger.
    }
reply-feedback_first = Tension que j'y lis : { $now }/3.
reply-feedback_level = Tension : { $first }/3 au premier jet → { $now }/3 maintenant.
reply-feedback_marker = • { $kind } : « { $quote } ». { $suggestion }
reply-feedback_yours =
    { $register ->
        [vous] C'est votre texte : vous pouvez le garder tel quel, le retoucher (écrivez la nouvelle version) ou me demander une proposition.
       *[tu] C'est ton texte : tu peux le garder tel quel, le retoucher (écris la nouvelle version) ou me demander une proposition.
    }
reply-final =
    { $register ->
        [vous] Voici votre texte, prêt à copier. Vous l'enverrez quand vous voudrez, ou pas du tout.
       *[tu] Voici ton texte, prêt à copier. Tu l'enverras quand tu voudras, ou pas du tout.
    }
reply-copy = Copier le texte
reply-keep =
    { $register ->
        [vous] Que voulez-vous garder de ce moment dans votre journal ?
       *[tu] Que veux-tu garder de ce moment dans ton journal ?
    }
reply-keep_all = Tout, avec le message reçu
reply-keep_summary = Un résumé, sans le message reçu
reply-keep_nothing = Rien
reply-saved =
    { $register ->
        [vous] C'est dans votre journal.
       *[tu] C'est dans ton journal.
    }
reply-not_saved = Je n'ai rien gardé de cette session.
reply-go_further =
    { $register ->
        [vous] Pour aller plus loin, si vous voulez : { $question }
       *[tu] Pour aller plus loin, si tu veux : { $question }
    }
reply-write = Y répondre dans mon journal
reply-done = C'est bon pour aujourd'hui
reply-bye = Merci d'avoir pris ce temps.
reply-welcome =
    { $register ->
        [vous] { $opening }
            De 1 à 5, à quel point vous sentez-vous capable de répondre calmement, là, maintenant ?
       *[tu] { $opening }
            De 1 à 5, à quel point te sens-tu capable de répondre calmement, là, maintenant ?
    }
reply-facts =
    { $register ->
        [vous] Racontez-moi ce qui s'est passé, comme le verrait une caméra : qui a écrit quoi, où, quand.
       *[tu] Raconte-moi ce qui s'est passé, comme le verrait une caméra : qui a écrit quoi, où, quand.
    }
reply-sorted_judgments =
    { $register ->
        [vous] Ce qui ressemble plutôt à votre lecture de la situation :
       *[tu] Ce qui ressemble plutôt à ta lecture de la situation :
    }
reply-sorted_all_facts = Je n'y vois que des faits : une bonne base pour répondre.
reply-feedback_calm = Je n'y vois pas de mot qui risque d'enflammer l'échange.
reply-feedback_calmer = Je n'y vois plus de mot qui risque d'enflammer l'échange.
reply-able_end =
    { $register ->
        [vous] De 1 à 5, à quel point vous sentez-vous capable de répondre calmement, maintenant ?
       *[tu] De 1 à 5, à quel point te sens-tu capable de répondre calmement, maintenant ?
    }
reply-able_end_noreply =
    { $register ->
        [vous] Ne pas répondre, c'est aussi une réponse. De 1 à 5, à quel point ce message pèse-t-il encore sur vous ?
       *[tu] Ne pas répondre, c'est aussi une réponse. De 1 à 5, à quel point ce message pèse-t-il encore sur toi ?
    }
reply-ability_change = Au début : { $start }/5. Maintenant : { $end }/5.
reply-theirs =
    { $register ->
        [vous] Et du côté de { $person } ? Une hypothèse, pas un verdict : peut-être { $feelings }, avec un besoin { $de_needs } qui n'a pas trouvé d'autres mots.
            Ça n'excuse rien. Ça peut juste aider à choisir votre réponse.
       *[tu] Et du côté de { $person } ? Une hypothèse, pas un verdict : peut-être { $feelings }, avec un besoin { $de_needs } qui n'a pas trouvé d'autres mots.
            Ça n'excuse rien. Ça peut juste aider à choisir ta réponse.
    }
reply-suggest =
    { $register ->
        [vous] Voici une proposition. C'est votre texte : changez tout ce qui ne sonne pas comme vous.
       *[tu] Voici une proposition. C'est ton texte : change tout ce qui ne sonne pas comme toi.
    }
reply-opening_forwarded =
    { $register ->
        [vous] Vous me l'avez transféré avant d'y répondre : c'est déjà prendre du recul.
       *[tu] Tu me l'as transféré avant d'y répondre : c'est déjà prendre du recul.
    }
reply-opening_tense = Ce genre de message pique. On prend le temps de le regarder ensemble avant d'y répondre.
reply-opening_calm =
    { $register ->
        [vous] On le regarde ensemble avant que vous répondiez.
       *[tu] On le regarde ensemble avant que tu répondes.
    }
reply-opening_story = On prend le temps de regarder ce qui s'est passé avant de répondre.
reply-opening_again =
    { $register ->
        [vous] On reprend ce message ensemble, à votre rythme.
       *[tu] On reprend ce message ensemble, à ton rythme.
    }
reply-safe =
    { $register ->
        [vous] Avant tout : est-ce que vous êtes en sécurité, là, maintenant ?
       *[tu] Avant tout : est-ce que tu es en sécurité, là, maintenant ?
    }
reply-safe_yes = Oui, je suis en sécurité
reply-safe_no = Non, j'ai peur
reply-safe_unsure = Je ne sais pas
reply-danger =
    { $register ->
        [vous] Si vous vous sentez en danger maintenant, appelez le 17 (police, gendarmerie) ou le 112. Si vous ne pouvez pas parler, envoyez un SMS au 114.
            Ensuite, on regarde ensemble comment vous protéger.
       *[tu] Si tu te sens en danger maintenant, appelle le 17 (police, gendarmerie) ou le 112. Si tu ne peux pas parler, envoie un SMS au 114.
            Ensuite, on regarde ensemble comment te protéger.
    }
reply-plan_title =
    { $register ->
        [vous] Ce message n'est pas une conversation normale. Ce qui vous protège, dans l'ordre :
       *[tu] Ce message n'est pas une conversation normale. Ce qui te protège, dans l'ordre :
    }
reply-plan_evidence =
    { $register ->
        [vous] Gardez des preuves : captures d'écran avec la date, le nom du compte et le lien.
       *[tu] Garde des preuves : captures d'écran avec la date, le nom du compte et le lien.
    }
reply-plan_block =
    { $register ->
        [vous] Ensuite, bloquez ou restreignez le compte, et signalez le message sur la plateforme.
       *[tu] Ensuite, bloque ou restreins le compte, et signale le message sur la plateforme.
    }
reply-plan_nopay =
    { $register ->
        [vous] Ne payez rien et n'envoyez rien d'autre : payer n'arrête presque jamais le chantage.
       *[tu] Ne paie rien et n'envoie rien d'autre : payer n'arrête presque jamais le chantage.
    }
reply-plan_noreply =
    { $register ->
        [vous] Vous n'avez pas à lui répondre : ce n'est pas à vous de le calmer.
       *[tu] Tu n'as pas à lui répondre : ce n'est pas à toi de le calmer.
    }
reply-plan_resource = { $name } : { $contact }. { $description }
reply-plan_in_france = En France :
reply-plan_alone =
    { $agreement ->
        [feminine]
            { $register ->
                [vous] Vous n'avez pas à porter ça seule : parlez-en à quelqu'un de confiance.
               *[tu] Tu n'as pas à porter ça seule : parles-en à quelqu'un de confiance.
            }
        [masculine]
            { $register ->
                [vous] Vous n'avez pas à porter ça seul : parlez-en à quelqu'un de confiance.
               *[tu] Tu n'as pas à porter ça seul : parles-en à quelqu'un de confiance.
            }
       *[neutral]
            { $register ->
                [vous] Ne portez pas ça sans aide : parlez-en à quelqu'un de confiance.
               *[tu] Ne porte pas ça sans aide : parles-en à quelqu'un de confiance.
            }
    }
reply-plan_talk =
    { $register ->
        [vous] En parler avec vous
       *[tu] En parler avec toi
    }
reply-plan_reply = Écrire une réponse quand même
reply-plan_done = Ça me suffit pour l'instant
reply-protected_end =
    { $register ->
        [vous] Vous avez fait le plus important : vous protéger. Je reste là si vous avez besoin d'en parler.
       *[tu] Tu as fait le plus important : te protéger. Je reste là si tu as besoin d'en parler.
    }
reply-other_at_risk =
    { $register ->
        [vous] Ce message parle de mettre fin à ses jours. Ce n'est pas à vous de porter ça : le 3114 répond aussi aux proches, 24h/24, gratuitement. Si le danger est immédiat, appelez le 112.
            Vous n'êtes pas responsable de ses choix. Est-ce que vous êtes en sécurité, vous ?
       *[tu] Ce message parle de mettre fin à ses jours. Ce n'est pas à toi de porter ça : le 3114 répond aussi aux proches, 24h/24, gratuitement. Si le danger est immédiat, appelle le 112.
            Tu n'es pas responsable de ses choix. Est-ce que tu es en sécurité, toi ?
    }
reply-who =
    { $register ->
        [vous] Qui vous l'a écrit ?
       *[tu] Qui te l'a écrit ?
    }
reply-who_guess =
    { $register ->
        [vous] Qui vous l'a écrit ? Je dirais : { $guess }. Choisissez pour confirmer ou corriger.
       *[tu] Qui te l'a écrit ? Je dirais : { $guess }. Choisis pour confirmer ou corriger.
    }
reply-where = C'était en public (un commentaire, un groupe) ou en message privé ?
reply-where_guess = C'était en public (un commentaire, un groupe) ou en message privé ? Je dirais : { $guess }.
reply-where_public = En public
reply-where_private = En privé
reply-guess_public = en public
reply-guess_private = en privé
reply-facts_received = Dans son message, ce qui ressemble à des faits :
reply-judgments_received_only = Dans son message, ce qui ressemble à un jugement, une interprétation :
reply-judgments_received = Et ce qui ressemble à un jugement, une interprétation :
reply-received_hint = Les faits, on peut y répondre. Les jugements disent surtout quelque chose de la personne qui les écrit.
reply-received_all_facts = Son message s'en tient aux faits : on peut y répondre sur le fond.
reply-received_all_judgments = Son message est fait de jugements plus que de faits : c'est utile de le voir avant de répondre.
reply-agree =
    { $register ->
        [vous] Dans le brouillon, les mots qui parlent de vous s'accordent comment ?
       *[tu] Dans le brouillon, les mots qui parlent de toi s'accordent comment ?
    }
reply-agree_first =
    { $register ->
        [vous] Une question, posée une seule fois : quand je parle de vous, vous préférez le féminin, le masculin, ou des tournures sans accord ?
       *[tu] Une question, posée une seule fois : quand je parle de toi, tu préfères le féminin, le masculin, ou des tournures sans accord ?
    }
reply-agree_fem = Au féminin
reply-agree_masc = Au masculin
reply-agree_neutral = Sans accord
reply-variant_short = Plus court
reply-variant_warm = Plus chaleureux
reply-variant_firm = Plus ferme
reply-variant_base = La première version
reply-to_vous = Passer au vous
reply-to_tu = Passer au tu
reply-register_note =
    { $register ->
        [vous] Je l'ai écrit au vouvoiement : vous pouvez changer.
       *[tu] Je l'ai écrit au vouvoiement : tu peux changer.
    }
reply-register_note_tu =
    { $register ->
        [vous] Je l'ai écrit au tutoiement : vous pouvez changer.
       *[tu] Je l'ai écrit au tutoiement : tu peux changer.
    }
reply-public_note = En public, une ligne courte suffit ; le reste se dit mieux en privé.
reply-troll_note =
    { $register ->
        [vous] Face à un troll, ne pas répondre est souvent le plus fort. Si vous répondez, une ligne calme, et vous vous arrêtez là.
       *[tu] Face à un troll, ne pas répondre est souvent le plus fort. Si tu réponds, une ligne calme, et tu t'arrêtes là.
    }
reply-praise = Ce qui est bien : { $items }.
reply-praise_feeling =
    { $register ->
        [vous] vous dites ce que vous ressentez
       *[tu] tu dis ce que tu ressens
    }
reply-praise_ownership =
    { $register ->
        [vous] vous reconnaissez votre part
       *[tu] tu reconnais ta part
    }
reply-praise_request =
    { $register ->
        [vous] vous proposez quelque chose de concret
       *[tu] tu proposes quelque chose de concret
    }
reply-praise_calm =
    { $register ->
        [vous] vous restez sur les faits, sans attaque
       *[tu] tu restes sur les faits, sans attaque
    }
reply-level-0 = Ce que j'y lis : un message plutôt calme (0/3).
reply-level-1 = Ce que j'y lis : un peu de tension (1/3).
reply-level-2 = Ce que j'y lis : un message tendu (2/3).
reply-level-3 = Ce que j'y lis : un message très tendu, voire hostile (3/3).
reply-kind-threat = Menace
reply-kind-exclusion = Exclusion
reply-kind-insult = Insulte
reply-kind-contempt = Mépris
reply-kind-accusation = Accusation en « tu »
reply-kind-sarcasm = Ironie
reply-kind-generalisation = Généralisation
reply-kind-shouting = Majuscules (crier)
reply-kind-profanity = Gros mots
reply-kind-blame = Reproche en « tu »
reply-kind-mockery = Moquerie
reply-kind-passive_aggression = Reproche voilé
reply-kind-condescension = Condescendance
reply-kind-guilt_trip = Culpabilisation
reply-kind-dismissal = Faire taire
reply-kind-hate = Haine
reply-kind-incitement = Incitation à se faire du mal
reply-kind-blackmail = Chantage
reply-kind-doxxing = Exposition de données personnelles
reply-context-family = Famille
reply-context-partner = Couple
reply-context-friend = Ami, amie
reply-context-colleague = Collègue
reply-context-manager = Chef, responsable
reply-context-client = Client, cliente
reply-context-teacher-school = École
reply-context-neighbour = Voisinage
reply-context-group-chat = Un groupe
reply-context-stranger-public = Un inconnu
reply-context-troll = Un troll
reply-context-gaming = Jeu en ligne
reply-context-dating = Site de rencontre
reply-person-family = ce proche
reply-person-partner = l'autre
reply-person-friend = cette personne
reply-person-colleague = ce collègue
reply-person-manager =
    { $register ->
        [vous] votre responsable
       *[tu] ton responsable
    }
reply-person-client = ce client
reply-person-teacher-school = l'école
reply-person-neighbour = ce voisin
reply-person-group-chat = la personne du groupe
reply-person-stranger-public = cet inconnu
reply-person-troll = ce compte
reply-person-gaming = ce joueur
reply-person-dating = cette personne
reply-person-any = la personne
reply-guess-family =
    { $register ->
        [vous] quelqu'un de votre famille
       *[tu] quelqu'un de ta famille
    }
reply-guess-partner =
    { $register ->
        [vous] la personne avec qui vous êtes en couple
       *[tu] la personne avec qui tu es en couple
    }
reply-guess-friend = quelqu'un de proche
reply-guess-colleague = un ou une collègue
reply-guess-manager =
    { $register ->
        [vous] votre responsable
       *[tu] ton responsable
    }
reply-guess-client = un client ou une cliente
reply-guess-teacher-school = l'école
reply-guess-neighbour = le voisinage
reply-guess-group-chat = quelqu'un d'un groupe
reply-guess-stranger-public = un inconnu, en public
reply-guess-troll = un troll
reply-guess-gaming = un joueur
reply-guess-dating = quelqu'un rencontré en ligne
reply-summary-title = Aide-moi à répondre : une session
reply-summary-feelings = Ce que je ressentais : { $items }.
reply-summary-needs = Ce dont j'avais besoin : { $items }.
reply-summary-decision = Ce que j'ai choisi : { $decision }.
reply-summary-decision_reply = répondre
reply-summary-decision_wait = attendre
reply-summary-decision_noreply = ne pas répondre
reply-summary-decision_protect = me protéger
reply-summary-decision_none = rien décidé pour l'instant
reply-summary-draft = Ma réponse : { $draft }
reply-neutral-blesse = de la peine
reply-neutral-decu = de la déception
reply-neutral-abattu = de l'abattement
reply-neutral-decourage = du découragement
reply-neutral-seul = de la solitude
reply-neutral-desempare = de l'impuissance
reply-neutral-inquiet = de l'inquiétude
reply-neutral-anxieux = de l'anxiété
reply-neutral-stresse = du stress
reply-neutral-effraye = de la peur
reply-neutral-angoisse = de l'angoisse
reply-neutral-nerveux = de la nervosité
reply-neutral-tendu = de la tension
reply-neutral-mefiant = de la méfiance
reply-neutral-agite = de l'agitation
reply-neutral-irrite = de l'irritation
reply-neutral-agace = de l'agacement
reply-neutral-furieux = beaucoup de colère
reply-neutral-frustre = de la frustration
reply-neutral-exaspere = de l'exaspération
reply-neutral-amer = de l'amertume
reply-neutral-indigne = de l'indignation
reply-neutral-impatient = de l'impatience
reply-neutral-honteux = de la honte
reply-neutral-gene = de la gêne
reply-neutral-complexe = de la gêne
reply-neutral-jaloux = de la jalousie
reply-neutral-envieux = de l'envie
reply-neutral-fatigue = de la fatigue
reply-neutral-epuise = de l'épuisement
reply-neutral-vide = un grand vide
reply-neutral-sature = de la saturation
reply-neutral-deborde = de la surcharge
reply-neutral-las = de la lassitude
reply-neutral-perdu = de la confusion
reply-neutral-confus = de la confusion
reply-neutral-tiraille = des sentiments partagés
reply-neutral-hesitant = de l'hésitation
reply-neutral-blase = de la lassitude
reply-neutral-engourdi = de l'engourdissement
reply-neutral-ennuye = de l'ennui
reply-neutral-indifferent = de l'indifférence
reply-neutral-etre_vu = visibilité
reply-neutral-etre_entendu = écoute
ask-guided-reply = Aide-moi à répondre
ask-guided-personnage = Explorer mon personnage en ligne
ask-guided-mission = Écrire ma mission
ask-guided-famille = En parler en famille
