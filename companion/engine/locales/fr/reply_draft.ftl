draft-quote =
    { $register ->
        [vous] Quand vous écrivez « { $quote } »,
       *[tu] Quand tu écris « { $quote } »,
    }
draft-topic =
    { $register ->
        [vous] J'ai lu votre message sur { $topic }.
       *[tu] J'ai lu ton message sur { $topic }.
    }
draft-topic_public =
    { $register ->
        [vous] J'ai lu votre commentaire sur { $topic }.
       *[tu] J'ai lu ton commentaire sur { $topic }.
    }
draft-plain =
    { $register ->
        [vous] J'ai lu votre message.
       *[tu] J'ai lu ton message.
    }
draft-plain_public =
    { $register ->
        [vous] J'ai lu votre commentaire.
       *[tu] J'ai lu ton commentaire.
    }
draft-feel_adj = je me sens { $feelings }
draft-feel_noun = je ressens { $feelings }
draft-feel_plain = ça me touche
draft-need = parce que j'ai besoin { $need }.
draft-no_need = {"."}
draft-ask-talk-any =
    { $register ->
        [vous] Pourrions-nous en parler de vive voix ?
       *[tu] Est-ce qu'on peut en parler de vive voix ?
    }
draft-ask-talk-family = On peut en parler la prochaine fois qu'on se voit ?
draft-ask-talk-partner = On en parle ce soir, tous les deux ?
draft-ask-talk-friend = On s'appelle pour en parler ?
draft-ask-talk-colleague = On peut en parler cinq minutes demain ?
draft-ask-talk-manager = Pourrions-nous en parler de vive voix, par exemple demain ?
draft-ask-talk-client = Pouvons-nous en parler par téléphone pour trouver une solution ensemble ?
draft-ask-talk-teacher-school = Pourrions-nous en parler lors d'un rendez-vous ?
draft-ask-talk-neighbour = Pourrions-nous en parler tranquillement, quand vous aurez un moment ?
draft-ask-talk-dating = Si tu veux en parler, je suis là, mais calmement.
draft-ask-talk-gaming = Si tu veux en reparler après la partie, je suis là.
draft-ask-explain-any =
    { $register ->
        [vous] Pourriez-vous me préciser ce qui ne vous convient pas, pour que je puisse y répondre ?
       *[tu] Tu peux me dire ce qui te gêne, concrètement ?
    }
draft-ask-explain-topic =
    { $register ->
        [vous] Pourriez-vous me dire précisément ce qui ne va pas dans { $topic }, pour que je puisse y répondre ?
       *[tu] Tu peux me dire ce qui te pose problème dans { $topic }, concrètement ?
    }
draft-ask-stop-any =
    { $register ->
        [vous] Je vous demande de garder un échange respectueux.
       *[tu] Je te demande de ne plus me parler sur ce ton.
    }
draft-ask-time-any =
    { $register ->
        [vous] Je préfère vous répondre à tête reposée : pouvons-nous en reparler demain ?
       *[tu] Je préfère te répondre à tête reposée : on en reparle demain ?
    }
draft-public-talk =
    { $register ->
        [vous] Je vous propose qu'on en parle en message privé.
       *[tu] Je préfère qu'on en parle en privé, je t'écris.
    }
draft-public-explain =
    { $register ->
        [vous] Pouvez-vous préciser ce que vous voulez dire ?
       *[tu] Tu peux préciser ce que tu veux dire ?
    }
draft-public-stop = Je ne répondrai pas sur ce ton.
draft-public-time =
    { $register ->
        [vous] Je vous répondrai plus tard, à tête reposée.
       *[tu] Je te réponds plus tard, à tête reposée.
    }
draft-firm-private =
    { $register ->
        [vous] Je ne souhaite pas poursuivre sur ce ton. Si vous voulez en discuter, ce sera calmement.
       *[tu] Je ne veux plus qu'on se parle sur ce ton. Si tu veux en discuter, ce sera calmement.
    }
draft-firm-public = Je ne répondrai pas sur ce ton.
draft-firm-protection = Je ne répondrai pas à ce message. J'en garde une copie et je le signale.
draft-warm-any =
    { $register ->
        [vous] Je préfère vous le dire simplement.
       *[tu] Je tiens à toi, alors je préfère te le dire simplement.
    }
draft-warm-public_close =
    { $register ->
        [vous] Je tiens à vous.
       *[tu] Je tiens à toi.
    }
draft-warm-family = Je t'aime, et c'est pour ça que je préfère te le dire.
draft-warm-partner = Je tiens à nous, alors je préfère te le dire.
draft-warm-friend = Tu comptes pour moi, alors je préfère te le dire.
draft-warm-colleague =
    { $register ->
        [vous] Je tiens à ce que nous travaillions bien ensemble, alors je vous le dis simplement.
       *[tu] Je tiens à ce qu'on travaille bien ensemble, alors je te le dis simplement.
    }
draft-warm-manager = Je tiens à bien faire mon travail, alors je préfère vous le dire directement.
draft-warm-client = Votre satisfaction compte pour moi.
draft-warm-teacher-school = Merci de m'avoir écrit.
draft-warm-neighbour = Je tiens à ce qu'on s'entende bien entre voisins.
draft-warm-stranger-public = Merci d'avoir pris le temps d'écrire.
draft-warm-group-chat = Je tiens à ce groupe, alors je préfère le dire.
draft-requests-talk = Qu'on en parle
draft-requests-explain = Une explication
draft-requests-stop = Un autre ton
draft-requests-time = Du temps
draft-feeling-triste = de la tristesse
draft-feeling-blesse = de la peine
draft-feeling-decu = de la déception
draft-feeling-abattu = de l'abattement
draft-feeling-decourage = du découragement
draft-feeling-seul = de la solitude
draft-feeling-nostalgique = de la nostalgie
draft-feeling-coeur_lourd = un poids sur le cœur
draft-feeling-desempare = de l'impuissance
draft-feeling-inquiet = de l'inquiétude
draft-feeling-anxieux = de l'anxiété
draft-feeling-stresse = du stress
draft-feeling-effraye = de la peur
draft-feeling-angoisse = de l'angoisse
draft-feeling-nerveux = de la nervosité
draft-feeling-tendu = de la tension
draft-feeling-vulnerable = de la vulnérabilité
draft-feeling-mefiant = de la méfiance
draft-feeling-sur_qui_vive = de l'appréhension
draft-feeling-agite = de l'agitation
draft-feeling-irrite = de l'irritation
draft-feeling-agace = de l'agacement
draft-feeling-en_colere = de la colère
draft-feeling-furieux = beaucoup de colère
draft-feeling-frustre = de la frustration
draft-feeling-exaspere = de l'exaspération
draft-feeling-amer = de l'amertume
draft-feeling-indigne = de l'indignation
draft-feeling-impatient = de l'impatience
draft-feeling-honteux = de la honte
draft-feeling-gene = de la gêne
draft-feeling-mal_a_laise = du malaise
draft-feeling-coupable = de la culpabilité
draft-feeling-complexe = de la gêne
draft-feeling-jaloux = de la jalousie
draft-feeling-envieux = de l'envie
draft-feeling-fatigue = de la fatigue
draft-feeling-epuise = de l'épuisement
draft-feeling-vide = un grand vide
draft-feeling-sature = de la saturation
draft-feeling-deborde = de la surcharge
draft-feeling-las = de la lassitude
draft-feeling-perdu = de la confusion
draft-feeling-confus = de la confusion
draft-feeling-perplexe = de l'incompréhension
draft-feeling-tiraille = des sentiments partagés
draft-feeling-hesitant = de l'hésitation
draft-feeling-blase = de la lassitude
draft-feeling-engourdi = de l'engourdissement
draft-feeling-ennuye = de l'ennui
draft-feeling-indifferent = de l'indifférence
draft-needs-respect = qu'on se parle avec respect
draft-needs-dignite = qu'on respecte qui je suis
draft-needs-consideration = que mes efforts comptent aussi
draft-needs-comprehension = de comprendre ce qui s'est passé
draft-needs-clarte = d'y voir clair
draft-needs-equite = que les choses soient justes entre nous
draft-needs-reconnaissance = qu'on reconnaisse ce que je fais
draft-needs-etre_entendu =
    { $register ->
        [vous] que vous entendiez aussi mon point de vue
       *[tu] que tu entendes aussi mon point de vue
    }
draft-needs-etre_vu =
    { $register ->
        [vous] que vous voyiez ce que je vis
       *[tu] que tu voies ce que je vis
    }
draft-needs-securite = de me sentir en sécurité
draft-needs-protection = de me sentir en sécurité
draft-needs-honnetete = qu'on se dise les choses franchement
draft-needs-confiance = qu'on puisse se faire confiance
draft-needs-autonomie = de faire mes propres choix
draft-needs-liberte = de faire mes propres choix
draft-needs-choix = de pouvoir choisir
draft-needs-espace = d'un peu d'espace
draft-needs-calme = de calme
draft-needs-paix = de calme
draft-needs-tranquillite = d'un peu de tranquillité
draft-needs-soutien =
    { $register ->
        [vous] de sentir votre soutien
       *[tu] de sentir ton soutien
    }
draft-needs-inclusion = de faire partie du groupe
draft-needs-appartenance = de faire partie du groupe
draft-needs-vie_privee = que ma vie privée soit respectée
draft-needs-reciprocite = que ce soit réciproque entre nous
draft-needs-competence = de savoir ce que je peux améliorer
draft-needs-harmonie = qu'on s'entende bien
draft-needs-bienveillance = d'un peu de bienveillance
draft-needs-proximite =
    { $register ->
        [vous] qu'on s'écoute
       *[tu] de me sentir proche de toi
    }
draft-needs-repos = de me reposer
draft-needs-sommeil = de dormir
draft-needs-stabilite = de stabilité
draft-needs-previsibilite = de savoir à quoi m'attendre
draft-needs-transparence = que les choses soient dites clairement
draft-needs-coherence = que les choses soient cohérentes
draft-needs-expression_de_soi = de pouvoir dire ce que je pense
draft-needs-acceptation = qu'on m'accepte comme je suis
draft-needs-empathie =
    { $register ->
        [vous] que vous compreniez ce que ça me fait
       *[tu] que tu comprennes ce que ça me fait
    }
