personnage-command = Mon personnage en ligne
personnage-intro =
    { $register ->
        [vous] « Mon personnage » : un petit voyage en sept questions, de votre première cour d'école jusqu'à vos réseaux d'aujourd'hui.
            Pas de bonne réponse, pas de note : vous écrivez ce qui vient, je vous renvoie ce que j'en entends, et tout reste dans votre journal. Vous pouvez passer une question, ou faire une pause et revenir plus tard avec /reprendre.
            À la fin, je vous propose un portrait que vous pourrez corriger et garder.
       *[tu] « Mon personnage » : un petit voyage en sept questions, de ta première cour d'école jusqu'à tes réseaux d'aujourd'hui.
            Pas de bonne réponse, pas de note : tu écris ce qui vient, je te renvoie ce que j'en entends, et tout reste dans ton journal. Tu peux passer une question, ou faire une pause et revenir plus tard avec /reprendre.
            À la fin, je te propose un portrait que tu pourras corriger et garder.
    }
personnage-start = C'est parti
personnage-stop = Faire une pause
personnage-skip = Passer cette question
personnage-next = Question suivante
personnage-finale = Voir mon portrait
personnage-picked = Valider ces émotions
personnage-progress = ({ $n }/{ $total })
personnage-nudge_short =
    { $register ->
        [vous] C'est un peu court pour que je puisse vous renvoyer quelque chose. Quelques mots de plus suffisent ; et si vous n'en avez pas envie, vous pouvez passer cette question.
       *[tu] C'est un peu court pour que je puisse te renvoyer quelque chose. Quelques mots de plus suffisent ; et si tu n'en as pas envie, tu peux passer cette question.
    }
personnage-nudge_offtopic =
    { $register ->
        [vous] Je ne suis pas sûr que ça réponde à la question, alors je vous la repose. Vous pouvez aussi la passer, sans souci.
       *[tu] Je ne suis pas sûr que ça réponde à la question, alors je te la repose. Tu peux aussi la passer, sans souci.
    }
personnage-echo =
    { $register ->
        [vous] Vous écrivez : « { $excerpt } »
       *[tu] Tu écris : « { $excerpt } »
    }
personnage-echo_long =
    { $register ->
        [vous] Vous avez beaucoup écrit, et c'est précieux : tout est gardé tel quel dans votre journal. En bref : « { $excerpt } »
       *[tu] Tu as beaucoup écrit, et c'est précieux : tout est gardé tel quel dans ton journal. En bref : « { $excerpt } »
    }
personnage-echo_again =
    { $register ->
        [vous] Vous aviez écrit : « { $excerpt } »
       *[tu] Tu avais écrit : « { $excerpt } »
    }
personnage-felt =
    { $register ->
        [vous] Dans vos mots, j'entends : { $feelings }.
       *[tu] Dans tes mots, j'entends : { $feelings }.
    }
personnage-passage = Un passage qui en parle, « { $title } » ({ $source }) : { $gist }
personnage-paused =
    { $register ->
        [vous] On fait une pause. Tout ce que vous avez écrit est gardé. Quand vous voulez, /reprendre (ou « Reprendre » dans le menu) vous ramène ici.
       *[tu] On fait une pause. Tout ce que tu as écrit est gardé. Quand tu veux, /reprendre (ou « Reprendre » dans le menu) te ramène ici.
    }
personnage-paused_question =
    { $register ->
        [vous] On fait une pause. Vos réponses sont gardées dans votre journal. Quand vous voulez, /reprendre (ou « Reprendre » dans le menu) vous ramène à la question { $n }/{ $total }.
       *[tu] On fait une pause. Tes réponses sont gardées dans ton journal. Quand tu veux, /reprendre (ou « Reprendre » dans le menu) te ramène à la question { $n }/{ $total }.
    }
personnage-use_buttons =
    { $register ->
        [vous] Je suis un programme : ici, je m'y retrouve mieux avec les boutons. Vous pouvez aussi écrire « passer », « pause » ou « continuer ».
       *[tu] Je suis un programme : ici, je m'y retrouve mieux avec les boutons. Tu peux aussi écrire « passer », « pause » ou « continuer ».
    }
personnage-selected = Déjà choisi : { $feelings }
personnage-feelings_only = Avant et après avoir publié : { $feelings }.
personnage-portrait_draft =
    { $register ->
        [vous] Voici un premier portrait, tiré de vos mots :

            { $portrait }

            C'est le vôtre : gardez-le tel quel, ou corrigez-le. Vous pouvez aussi m'écrire directement votre version.
       *[tu] Voici un premier portrait, tiré de tes mots :

            { $portrait }

            C'est le tien : garde-le tel quel, ou corrige-le. Tu peux aussi m'écrire directement ta version.
    }
personnage-portrait_yours =
    { $register ->
        [vous] Voici votre version :

            { $portrait }

            Je garde ce portrait ?
       *[tu] Voici ta version :

            { $portrait }

            Je garde ce portrait ?
    }
personnage-portrait_empty =
    { $register ->
        [vous] Vous avez passé toutes les questions, et c'est votre droit. Si vous voulez, écrivez votre portrait vous-même en quelques phrases : qui vous étiez dans la cour, qui vous êtes en ligne aujourd'hui.
       *[tu] Tu as passé toutes les questions, et c'est ton droit. Si tu veux, écris ton portrait toi-même en quelques phrases : qui tu étais dans la cour, qui tu es en ligne aujourd'hui.
    }
personnage-portrait_keep = Je le garde
personnage-write =
    { $register ->
        [vous] Écrivez votre portrait comme vous le sentez, en quelques phrases. Je garderai votre version.
       *[tu] Écris ton portrait comme tu le sens, en quelques phrases. Je garderai ta version.
    }
personnage-write_short = C'est un peu court pour un portrait. Quelques phrases suffisent.
personnage-write_back = Garder celui proposé
personnage-kept =
    { $register ->
        [vous] C'est gardé. Vous retrouverez votre portrait avec /moi, et vos réponses dans /journal. Merci d'avoir pris ce temps pour vous.
       *[tu] C'est gardé. Tu retrouveras ton portrait avec /moi, et tes réponses dans /journal. Merci d'avoir pris ce temps pour toi.
    }
personnage-school-ask =
    { $register ->
        [vous] Revenez dans votre première cour d'école. Au milieu des autres, qui étiez-vous ? Le clown, la discrète, le chef de bande, celle ou celui qu'on oubliait de choisir… Racontez avec vos mots.
       *[tu] Reviens dans ta première cour d'école. Au milieu des autres, qui étais-tu ? Le clown, la discrète, le chef de bande, celle ou celui qu'on oubliait de choisir… Raconte avec tes mots.
    }
personnage-role-ask =
    { $register ->
        [vous] Quel personnage jouiez-vous dans cette cour, et qu'est-ce qu'il vous apportait ? De l'attention, de la protection, des copains…
       *[tu] Quel personnage jouais-tu dans cette cour, et qu'est-ce qu'il t'apportait ? De l'attention, de la protection, des copains…
    }
personnage-role-mirror =
    { $register ->
        [vous] Un personnage rend souvent service : il protège, il rassure, il ouvre des portes. Voir ce qu'il vous apportait, c'est déjà le comprendre.
       *[tu] Un personnage rend souvent service : il protège, il rassure, il ouvre des portes. Voir ce qu'il t'apportait, c'est déjà le comprendre.
    }
personnage-truth-ask =
    { $register ->
        [vous] Quelle vérité sur vous aviez-vous besoin de montrer aux autres ? Et peut-être, laquelle préfériez-vous garder cachée ?
       *[tu] Quelle vérité sur toi avais-tu besoin de montrer aux autres ? Et peut-être, laquelle préférais-tu garder cachée ?
    }
personnage-networks-ask =
    { $register ->
        [vous] Aujourd'hui, sur quels réseaux êtes-vous, et quel personnage jouez-vous sur chacun ? LinkedIn n'est pas Instagram, un groupe d'amis n'est pas TikTok.
       *[tu] Aujourd'hui, sur quels réseaux es-tu, et quel personnage joues-tu sur chacun ? LinkedIn n'est pas Instagram, un groupe d'amis n'est pas TikTok.
    }
personnage-networks-mirror =
    { $register ->
        [vous] Avoir plusieurs facettes selon les lieux, c'est humain. La vraie question serait plutôt : laquelle vous ressemble, laquelle vous fatigue ?
       *[tu] Avoir plusieurs facettes selon les lieux, c'est humain. La vraie question serait plutôt : laquelle te ressemble, laquelle te fatigue ?
    }
personnage-feel-ask =
    { $register ->
        [vous] Juste avant de publier, puis juste après, qu'est-ce que vous ressentez ? Choisissez dans la liste, écrivez-le, ou les deux.
       *[tu] Juste avant de publier, puis juste après, qu'est-ce que tu ressens ? Choisis dans la liste, écris-le, ou les deux.
    }
personnage-feel-mirror =
    { $register ->
        [vous] Ces émotions sont des signaux, pas des fautes : elles montrent ce qui compte pour vous au moment de publier.
       *[tu] Ces émotions sont des signaux, pas des fautes : elles montrent ce qui compte pour toi au moment de publier.
    }
personnage-seek-ask =
    { $register ->
        [vous] Qu'est-ce que vous venez chercher sur les réseaux ? De vraies relations, de la reconnaissance, des sensations, de quoi passer le temps… Personne ne juge ici.
       *[tu] Qu'est-ce que tu viens chercher sur les réseaux ? De vraies relations, de la reconnaissance, des sensations, de quoi passer le temps… Personne ne juge ici.
    }
personnage-seek-mirror = Chercher du lien, de la reconnaissance ou de l'élan, c'est légitime. Le savoir aide à choisir ce qu'on y fait.
personnage-gap-ask =
    { $register ->
        [vous] Entre l'enfant de la cour d'école et la personne que vous montrez aujourd'hui en ligne, quel écart voyez-vous ? Qu'est-ce qui a changé, qu'est-ce qui est resté ?
       *[tu] Entre l'enfant de la cour d'école et la personne que tu montres aujourd'hui en ligne, quel écart vois-tu ? Qu'est-ce qui a changé, qu'est-ce qui est resté ?
    }
personnage-gap-mirror = Voir l'écart, c'est déjà avoir le choix : garder ce personnage, l'alléger, ou en écrire un autre.
mission-command = Ma mission en ligne
mission-intro =
    { $register ->
        [vous] « Ma mission » : six questions pour voir ce que vous avez vraiment envie de partager en ligne, avec qui, et pourquoi.
            À la fin, je vous propose une phrase de mission tirée de vos mots, que vous pourrez réécrire et garder. Vous pouvez passer une question ou faire une pause à tout moment (/reprendre pour revenir).
       *[tu] « Ma mission » : six questions pour voir ce que tu as vraiment envie de partager en ligne, avec qui, et pourquoi.
            À la fin, je te propose une phrase de mission tirée de tes mots, que tu pourras réécrire et garder. Tu peux passer une question ou faire une pause à tout moment (/reprendre pour revenir).
    }
mission-start = C'est parti
mission-stop = Faire une pause
mission-skip = Passer cette question
mission-next = Question suivante
mission-finale = Voir ma phrase de mission
mission-progress = ({ $n }/{ $total })
mission-nudge_short =
    { $register ->
        [vous] C'est un peu court pour que je puisse vous renvoyer quelque chose. Quelques mots de plus suffisent ; et si vous n'en avez pas envie, vous pouvez passer cette question.
       *[tu] C'est un peu court pour que je puisse te renvoyer quelque chose. Quelques mots de plus suffisent ; et si tu n'en as pas envie, tu peux passer cette question.
    }
mission-nudge_offtopic =
    { $register ->
        [vous] Je ne suis pas sûr que ça réponde à la question, alors je vous la repose. Vous pouvez aussi la passer, sans souci.
       *[tu] Je ne suis pas sûr que ça réponde à la question, alors je te la repose. Tu peux aussi la passer, sans souci.
    }
mission-echo =
    { $register ->
        [vous] Vous écrivez : « { $excerpt } »
       *[tu] Tu écris : « { $excerpt } »
    }
mission-echo_long =
    { $register ->
        [vous] Vous avez beaucoup écrit, et c'est précieux : tout est gardé tel quel dans votre journal. En bref : « { $excerpt } »
       *[tu] Tu as beaucoup écrit, et c'est précieux : tout est gardé tel quel dans ton journal. En bref : « { $excerpt } »
    }
mission-echo_again =
    { $register ->
        [vous] Vous aviez écrit : « { $excerpt } »
       *[tu] Tu avais écrit : « { $excerpt } »
    }
mission-felt =
    { $register ->
        [vous] Dans vos mots, j'entends : { $feelings }.
       *[tu] Dans tes mots, j'entends : { $feelings }.
    }
mission-passage = Un passage qui en parle, « { $title } » ({ $source }) : { $gist }
mission-paused =
    { $register ->
        [vous] On fait une pause. Tout ce que vous avez écrit est gardé. Quand vous voulez, /reprendre (ou « Reprendre » dans le menu) vous ramène ici.
       *[tu] On fait une pause. Tout ce que tu as écrit est gardé. Quand tu veux, /reprendre (ou « Reprendre » dans le menu) te ramène ici.
    }
mission-paused_question =
    { $register ->
        [vous] On fait une pause. Vos réponses sont gardées dans votre journal. Quand vous voulez, /reprendre (ou « Reprendre » dans le menu) vous ramène à la question { $n }/{ $total }.
       *[tu] On fait une pause. Tes réponses sont gardées dans ton journal. Quand tu veux, /reprendre (ou « Reprendre » dans le menu) te ramène à la question { $n }/{ $total }.
    }
mission-use_buttons =
    { $register ->
        [vous] Je suis un programme : ici, je m'y retrouve mieux avec les boutons. Vous pouvez aussi écrire « passer », « pause » ou « continuer ».
       *[tu] Je suis un programme : ici, je m'y retrouve mieux avec les boutons. Tu peux aussi écrire « passer », « pause » ou « continuer ».
    }
mission-suggest = Partager { $what } avec { $whom }.
mission-suggest_dream = Partager { $what } avec { $whom }, avec ce rêve en tête : { $dream }.
mission-whom_default = celles et ceux qui me lisent
mission-statement =
    { $register ->
        [vous] Voici une phrase de mission tirée de vos mots :

            « { $mission } »

            Elle vous appartient : gardez-la, ou réécrivez-la à votre façon. Vous pouvez aussi m'écrire directement votre phrase.
       *[tu] Voici une phrase de mission tirée de tes mots :

            « { $mission } »

            Elle t'appartient : garde-la, ou réécris-la à ta façon. Tu peux aussi m'écrire directement ta phrase.
    }
mission-statement_empty =
    { $register ->
        [vous] Vous avez passé les questions sur ce que vous aimez partager, alors je n'ai pas de phrase à vous proposer. Écrivez votre mission en une phrase, comme elle vient.
       *[tu] Tu as passé les questions sur ce que tu aimes partager, alors je n'ai pas de phrase à te proposer. Écris ta mission en une phrase, comme elle vient.
    }
mission-keep_it = Je la garde
mission-rewrite_it = Je la réécris
mission-confirm_it = Oui, c'est ma mission
mission-back = Revenir à la proposition
mission-rewrite =
    { $register ->
        [vous] Écrivez votre mission en une phrase, à votre façon.
       *[tu] Écris ta mission en une phrase, à ta façon.
    }
mission-rewrite_short = C'est un peu court. Une phrase suffit, même toute simple.
mission-rewrite_long =
    { $register ->
        [vous] C'est beaucoup pour une seule phrase. Essayez d'en garder l'essentiel, en moins de 300 caractères.
       *[tu] C'est beaucoup pour une seule phrase. Essaie d'en garder l'essentiel, en moins de 300 caractères.
    }
mission-confirm =
    { $register ->
        [vous] Votre mission :

            « { $mission } »

            C'est bien elle ?
       *[tu] Ta mission :

            « { $mission } »

            C'est bien elle ?
    }
mission-kept =
    { $register ->
        [vous] C'est noté. Votre mission : « { $mission } »
            Vous la retrouverez avec /moi, et vos réponses dans /journal.
       *[tu] C'est noté. Ta mission : « { $mission } »
            Tu la retrouveras avec /moi, et tes réponses dans /journal.
    }
mission-love-ask =
    { $register ->
        [vous] Qu'est-ce que vous aimez vraiment partager en ligne, ou aimeriez partager si vous osiez ?
       *[tu] Qu'est-ce que tu aimes vraiment partager en ligne, ou aimerais partager si tu osais ?
    }
mission-love-mirror = Ce qu'on aime partager est souvent le fil le plus solide : c'est là qu'on est le plus vrai.
mission-drive-ask =
    { $register ->
        [vous] Qu'est-ce qui vous motive quand vous partagez ça ? Qu'est-ce qui vous remplit, vous fait du bien ?
       *[tu] Qu'est-ce qui te motive quand tu partages ça ? Qu'est-ce qui te remplit, te fait du bien ?
    }
mission-drive-mirror =
    { $register ->
        [vous] Ce qui vous nourrit compte autant que ce que vous montrez : c'est ce qui donne envie de continuer.
       *[tu] Ce qui te nourrit compte autant que ce que tu montres : c'est ce qui donne envie de continuer.
    }
mission-dream-ask =
    { $register ->
        [vous] Et si vous creusez un peu : quel rêve, quelle envie profonde se cache peut-être derrière ?
       *[tu] Et si tu creuses un peu : quel rêve, quelle envie profonde se cache peut-être derrière ?
    }
mission-dream-mirror = Un rêve n'a pas besoin d'être grand pour guider. Il donne une direction aux petits gestes de tous les jours.
mission-whom-ask =
    { $register ->
        [vous] Qui avez-vous envie de toucher avec ce que vous partagez ?
       *[tu] Qui as-tu envie de toucher avec ce que tu partages ?
    }
mission-whom-mirror = Savoir à qui on parle change la façon de parler : on choisit mieux ses mots quand on voit les visages derrière l'écran.
mission-why-ask =
    { $register ->
        [vous] Pourquoi est-ce à ces personnes-là que vous parlez ? Quand elles vous lisent, qu'est-ce qu'elles devraient comprendre tout de suite, et de quoi ont-elles besoin ?
       *[tu] Pourquoi est-ce à ces personnes-là que tu parles ? Quand elles te lisent, qu'est-ce qu'elles devraient comprendre tout de suite, et de quoi ont-elles besoin ?
    }
mission-why-mirror = Se mettre à la place de celle ou celui qui lit, c'est le cœur de l'empathie digitale : l'autre comprend vite pourquoi on lui parle.
mission-stop_sharing-ask =
    { $register ->
        [vous] Qu'est-ce que vous allez arrêter de partager, parce que ça ne vous ressemble pas ou ne sert personne ?
       *[tu] Qu'est-ce que tu vas arrêter de partager, parce que ça ne te ressemble pas ou ne sert personne ?
    }
mission-stop_sharing-mirror = Choisir ce qu'on ne partage plus, c'est aussi une façon de dire ce qui compte.
famille-command = Parler des réseaux en famille
famille-intro =
    { $register ->
        [vous] « En famille » : un petit guide pour parler des réseaux et des jeux vidéo à la maison, sans sermon.
            On prépare ensemble un tour de table en quelques étapes, puis vous notez ce qui s'est dit. Vous pouvez faire une pause avant la discussion et revenir après avec /reprendre.
       *[tu] « En famille » : un petit guide pour parler des réseaux et des jeux vidéo à la maison, sans sermon.
            On prépare ensemble un tour de table en quelques étapes, puis tu notes ce qui s'est dit. Tu peux faire une pause avant la discussion et revenir après avec /reprendre.
    }
famille-start = Commencer
famille-stop = Faire une pause
famille-skip = Passer cette étape
famille-next = Étape suivante
famille-finale = Terminer
famille-progress = ({ $n }/{ $total })
famille-nudge_short =
    { $register ->
        [vous] C'est un peu court pour que je puisse vous renvoyer quelque chose. Quelques mots de plus suffisent ; et si vous n'en avez pas envie, vous pouvez passer cette étape.
       *[tu] C'est un peu court pour que je puisse te renvoyer quelque chose. Quelques mots de plus suffisent ; et si tu n'en as pas envie, tu peux passer cette étape.
    }
famille-nudge_offtopic =
    { $register ->
        [vous] Je ne suis pas sûr que ça réponde à la question, alors je vous la repose. Vous pouvez aussi passer cette étape.
       *[tu] Je ne suis pas sûr que ça réponde à la question, alors je te la repose. Tu peux aussi passer cette étape.
    }
famille-echo =
    { $register ->
        [vous] Vous écrivez : « { $excerpt } »
       *[tu] Tu écris : « { $excerpt } »
    }
famille-echo_long =
    { $register ->
        [vous] Vous avez beaucoup écrit, et c'est précieux : tout est gardé tel quel dans votre journal. En bref : « { $excerpt } »
       *[tu] Tu as beaucoup écrit, et c'est précieux : tout est gardé tel quel dans ton journal. En bref : « { $excerpt } »
    }
famille-echo_again =
    { $register ->
        [vous] Vous aviez écrit : « { $excerpt } »
       *[tu] Tu avais écrit : « { $excerpt } »
    }
famille-felt =
    { $register ->
        [vous] Dans vos mots, j'entends : { $feelings }.
       *[tu] Dans tes mots, j'entends : { $feelings }.
    }
famille-passage = Un passage qui en parle, « { $title } » ({ $source }) : { $gist }
famille-paused =
    { $register ->
        [vous] On fait une pause. Tout ce que vous avez écrit est gardé. Quand vous voulez, /reprendre (ou « Reprendre » dans le menu) vous ramène ici.
       *[tu] On fait une pause. Tout ce que tu as écrit est gardé. Quand tu veux, /reprendre (ou « Reprendre » dans le menu) te ramène ici.
    }
famille-paused_question =
    { $register ->
        [vous] On fait une pause. Vos réponses sont gardées dans votre journal. Quand vous voulez, /reprendre (ou « Reprendre » dans le menu) vous ramène à l'étape { $n }/{ $total }.
       *[tu] On fait une pause. Tes réponses sont gardées dans ton journal. Quand tu veux, /reprendre (ou « Reprendre » dans le menu) te ramène à l'étape { $n }/{ $total }.
    }
famille-use_buttons =
    { $register ->
        [vous] Je suis un programme : ici, je m'y retrouve mieux avec les boutons. Vous pouvez aussi écrire « passer », « pause » ou « continuer ».
       *[tu] Je suis un programme : ici, je m'y retrouve mieux avec les boutons. Tu peux aussi écrire « passer », « pause » ou « continuer ».
    }
famille-again =
    { $register ->
        [vous] Ces discussions gagnent à revenir de temps en temps. Voulez-vous que je vous propose d'en refaire une dans un mois ?
       *[tu] Ces discussions gagnent à revenir de temps en temps. Veux-tu que je te propose d'en refaire une dans un mois ?
    }
famille-again_yes = Oui, dans un mois
famille-again_no = Non merci
famille-scheduled =
    { $register ->
        [vous] C'est noté : je vous le proposerai dans un mois. Votre débrief est dans votre journal (/journal).
       *[tu] C'est noté : je te le proposerai dans un mois. Ton débrief est dans ton journal (/journal).
    }
famille-done =
    { $register ->
        [vous] D'accord. Votre débrief est dans votre journal (/journal). Vous pouvez reprendre ce guide quand vous voulez avec /famille.
       *[tu] D'accord. Ton débrief est dans ton journal (/journal). Tu peux reprendre ce guide quand tu veux avec /famille.
    }
famille-follow_up =
    { $register ->
        [vous] Il y a un mois, vous prépariez une discussion en famille sur les réseaux. Envie d'en refaire un tour ? Vos notes de la dernière fois sont dans /journal.
       *[tu] Il y a un mois, tu préparais une discussion en famille sur les réseaux. Envie d'en refaire un tour ? Tes notes de la dernière fois sont dans /journal.
    }
famille-follow_up_start = Refaire un tour de table
famille-likes-ask =
    { $register ->
        [vous] Le tour de table commence par une seule question, posée à tout le monde, parents compris : « Et toi, qu'est-ce qui te plaît sur les réseaux ? »
            Une règle : chacun répond à son tour, personne ne coupe, personne ne se moque.
            Pour vous y préparer, répondez d'abord pour vous : qu'est-ce qui vous plaît sur les réseaux ?
       *[tu] Le tour de table commence par une seule question, posée à tout le monde, parents compris : « Et toi, qu'est-ce qui te plaît sur les réseaux ? »
            Une règle : chacun répond à son tour, personne ne coupe, personne ne se moque.
            Pour t'y préparer, réponds d'abord pour toi : qu'est-ce qui te plaît sur les réseaux ?
    }
famille-likes-mirror =
    { $register ->
        [vous] Commencer par ce qui plaît, c'est montrer qu'on s'intéresse vraiment avant de parler de ce qui inquiète. Votre réponse sincère donnera le ton.
       *[tu] Commencer par ce qui plaît, c'est montrer qu'on s'intéresse vraiment avant de parler de ce qui inquiète. Ta réponse sincère donnera le ton.
    }
famille-dislikes-ask =
    { $register ->
        [vous] Deuxième tour, même règle : qu'est-ce qui déplaît ou gêne sur les réseaux ? Votre réponse à vous, et ce que vous vous attendez à entendre.
       *[tu] Deuxième tour, même règle : qu'est-ce qui déplaît ou gêne sur les réseaux ? Ta réponse à toi, et ce que tu t'attends à entendre.
    }
famille-dislikes-mirror = Entendre ce qui gêne l'autre sans le corriger tout de suite : c'est souvent là que la confiance se gagne.
famille-risky-ask =
    { $register ->
        [vous] Troisième tour : qu'est-ce qui paraît risqué ? Pour vous, et pour vos enfants : les inconnus, les photos, le harcèlement, le temps qui file…
       *[tu] Troisième tour : qu'est-ce qui paraît risqué ? Pour toi, et pour tes enfants : les inconnus, les photos, le harcèlement, le temps qui file…
    }
famille-risky-mirror = Nommer les risques ensemble plutôt que les imposer aide chacun à les reconnaître le jour où ils se présentent.
famille-games-ask =
    { $register ->
        [vous] Et les jeux vidéo ? Les mêmes trois tours : ce qui plaît, ce qui gêne, ce qui paraît risqué. Qu'en diriez-vous, vous ?
       *[tu] Et les jeux vidéo ? Les mêmes trois tours : ce qui plaît, ce qui gêne, ce qui paraît risqué. Qu'en dirais-tu, toi ?
    }
famille-games-mirror = Les jeux sont souvent un lieu d'amitié et de fierté pour les enfants. S'y intéresser, c'est ouvrir une porte.
famille-example-ask =
    { $register ->
        [vous] Montrer l'exemple : et vous, que faites-vous avec votre téléphone ? À table, le soir, quand un enfant vous parle… Qu'aimeriez-vous changer ?
       *[tu] Montrer l'exemple : et toi, que fais-tu avec ton téléphone ? À table, le soir, quand un enfant te parle… Qu'aimerais-tu changer ?
    }
famille-example-mirror =
    { $register ->
        [vous] Les enfants regardent ce qu'on fait plus qu'ils n'écoutent ce qu'on dit. Un petit changement de votre part vaut souvent mieux qu'une nouvelle règle.
       *[tu] Les enfants regardent ce qu'on fait plus qu'ils n'écoutent ce qu'on dit. Un petit changement de ta part vaut souvent mieux qu'une nouvelle règle.
    }
famille-debrief-mirror = Garder une trace de ce moment permet d'y revenir, de voir ce qui change, et de refaire un tour plus tard.
journal-command = Relire mon journal
journal-date_format = %d/%m/%Y
journal-header =
    { $register ->
        [vous] Votre journal, du plus récent au plus ancien ({ $first } à { $last } sur { $total }) :
       *[tu] Ton journal, du plus récent au plus ancien ({ $first } à { $last } sur { $total }) :
    }
journal-line = { $n }. { $date }, { $kind } — « { $excerpt } »
journal-open = n°{ $n }
journal-prev = ◀ Plus récents
journal-next = Plus anciens ▶
journal-close = Fermer
journal-empty =
    { $register ->
        [vous] Votre journal est vide pour l'instant. /note pour y écrire une pensée, ou /personnage pour commencer un parcours.
       *[tu] Ton journal est vide pour l'instant. /note pour y écrire une pensée, ou /personnage pour commencer un parcours.
    }
journal-entry = { $date }, { $kind }
journal-entry_question = Question : { $question }
journal-entry_feelings = Émotions : { $feelings }
journal-delete = Supprimer
journal-back = Retour à la liste
journal-confirm = Supprimer pour de bon cette entrée ? « { $excerpt } » (ça ne se rattrape pas)
journal-delete_yes = Oui, supprimer
journal-delete_no = Non, garder
journal-deleted = C'est supprimé.
journal-gone = Je ne trouve plus cette entrée : elle a peut-être déjà été supprimée.
journal-kind-note = Note
journal-kind-reflection = Réflexion
journal-kind-personnage = Mon personnage
journal-kind-mission = Ma mission
journal-kind-famille = En famille
journal-kind-reply = Avant de répondre
moi-command = Mon portrait, ma mission
moi-header = Voici ce que j'ai gardé de nos échanges :
moi-portrait =
    { $register ->
        [vous] Votre portrait :
            { $portrait }
       *[tu] Ton portrait :
            { $portrait }
    }
moi-no_portrait = Pas encore de portrait : /personnage pour le faire.
moi-mission =
    { $register ->
        [vous] Votre mission : « { $mission } »
       *[tu] Ta mission : « { $mission } »
    }
moi-no_mission = Pas encore de phrase de mission : /mission pour l'écrire.
moi-counts =
    { $register ->
        [vous] Votre journal
       *[tu] Ton journal
    } : { $total ->
        [0] aucune entrée
        [one] une entrée
       *[other] { $total } entrées
    }
moi-count = • { $kind } : { $n }
moi-no_entries =
    { $register ->
        [vous] Votre journal est encore vide.
       *[tu] Ton journal est encore vide.
    }
moi-journal = Relire mon journal
moi-do_portrait = Faire mon portrait
moi-redo_portrait = Refaire mon portrait
moi-do_mission = Écrire ma mission
moi-redo_mission = Revoir ma mission
moi-close = Fermer

personnage-portrait_edit = Corriger
personnage-school-mirror =
    { $register ->
        [vous] Ces places-là, on les trouve tôt, souvent pour trouver sa place ou avoir la paix. Elles ne disent pas tout de vous, mais elles laissent des traces.
       *[tu] Ces places-là, on les trouve tôt, souvent pour trouver sa place ou avoir la paix. Elles ne disent pas tout de toi, mais elles laissent des traces.
    }
personnage-truth-mirror = Ce qu'on tient à montrer dit souvent quelque chose de ce dont on a besoin : de la reconnaissance, du respect, une place parmi les autres.
mission-suggest_alone = Partager { $what }.
mission-suggest_alone_dream = Partager { $what }, avec ce rêve en tête : { $dream }.
mission-quoted = “{ $text }”
mission-what_framed = ce qui me tient à cœur (“{ $text }”)
mission-whom_framed = les personnes que j'ai en tête (“{ $text }”)
famille-debrief-ask =
    { $register ->
        [vous] Le débrief, après la discussion : qu'est-ce qui s'est dit, qu'est-ce qui a été une surprise pour vous, qu'est-ce que vous décidez ensemble ? Si la discussion n'a pas encore eu lieu, faites une pause ici et revenez avec /reprendre.
       *[tu] Le débrief, après la discussion : qu'est-ce qui s'est dit, qu'est-ce qui a été une surprise pour toi, qu'est-ce que vous décidez ensemble ? Si la discussion n'a pas encore eu lieu, fais une pause ici et reviens avec /reprendre.
    }
journeys-and = {" "}et{" "}
journeys-echo_kept =
    { $register ->
        [vous] C'est gardé tel quel dans votre journal.
       *[tu] C'est gardé tel quel dans ton journal.
    }
journeys-echo-2 =
    { $register ->
        [vous] Je retiens vos mots : « { $excerpt } »
       *[tu] Je retiens tes mots : « { $excerpt } »
    }
journeys-echo-3 =
    { $register ->
        [vous] « { $excerpt } » : c'est noté, avec vos mots à vous.
       *[tu] « { $excerpt } » : c'est noté, avec tes mots à toi.
    }
journeys-echo-4 =
    { $register ->
        [vous] Vous dites : « { $excerpt } »
       *[tu] Tu dis : « { $excerpt } »
    }
journeys-echo-5 = J'entends ça : « { $excerpt } »
journeys-felt-2 = Côté émotions, je relève : { $feelings }.
journeys-felt-3 = Ce que j'entends aussi : { $feelings }.
journeys-more-1 =
    { $register ->
        [vous] Merci, c'est ajouté à votre réponse.
       *[tu] Merci, c'est ajouté à ta réponse.
    }
journeys-more-2 = C'est noté aussi.
journeys-more-3 = Je garde ça avec le reste.
journeys-dismissed-1 =
    { $register ->
        [vous] D'accord, pas besoin de le redire. On avance quand vous voulez.
       *[tu] D'accord, pas besoin de le redire. On avance quand tu veux.
    }
journeys-dismissed-2 = Pas de souci, on peut passer à la suite.
journeys-dismissed-3 =
    { $register ->
        [vous] Ça marche. La suite quand vous voulez ?
       *[tu] Ça marche. La suite, quand tu veux ?
    }
journeys-link-roles =
    { $register ->
        [vous] Dans la cour : « { $then } ». En ligne : « { $now } ». Qu'est-ce qui relie ces deux personnages, à votre avis ?
       *[tu] Dans la cour : « { $then } ». En ligne : « { $now } ». Qu'est-ce qui relie ces deux personnages, à ton avis ?
    }
journeys-link-same_role = Dans la cour : « { $then } ». En ligne : « { $now } ». Le même rôle qui continue sous une autre forme, peut-être ?
journeys-link-need =
    { $register ->
        [vous] Dans la cour : « { $then } ». Sur les réseaux, ce que vous venez chercher : « { $now } ». Le même besoin { $need }, peut-être ?
       *[tu] Dans la cour : « { $then } ». Sur les réseaux, ce que tu viens chercher : « { $now } ». Le même besoin { $need }, peut-être ?
    }
journeys-link-need_open =
    { $register ->
        [vous] Dans la cour : « { $then } ». Sur les réseaux, ce que vous venez chercher : « { $now } ». Est-ce un peu le même besoin, ou un autre ?
       *[tu] Dans la cour : « { $then } ». Sur les réseaux, ce que tu viens chercher : « { $now } ». Est-ce un peu le même besoin, ou un autre ?
    }
journeys-need-recognition = de reconnaissance
journeys-need-connection = de lien
journeys-need-protection = de protection
journeys-need-lightness = de légèreté
journeys-need-time = de remplir le temps
journeys-need-thrill = de sensations
journeys-need-learning = d'apprendre
journeys-need_obj-recognition = de la reconnaissance
journeys-need_obj-connection = du lien avec les autres
journeys-need_obj-protection = de la protection
journeys-need_obj-lightness = de la légèreté
journeys-need_obj-time = de quoi remplir le temps
journeys-need_obj-thrill = des sensations
journeys-need_obj-learning = de quoi apprendre
journeys-portrait-school_words = Dans ma première cour d'école, je me décrirais ainsi : « { $text } ».
journeys-portrait-brought = Ce personnage m'apportait { $need }.
journeys-portrait-online = En ligne aujourd'hui : « { $text } ».
journeys-portrait-online_same = En ligne, ce rôle continue sous une autre forme : « { $text } ».
journeys-portrait-seek = Sur les réseaux, je viens surtout chercher { $need }.
journeys-portrait-seek_same = Sur les réseaux, je viens encore chercher { $need }, comme dans la cour.
journeys-portrait-seek_words = Ce que je viens chercher sur les réseaux : « { $text } ».
journeys-portrait-gap = Entre la cour et aujourd'hui : « { $text } ».
journeys-portrait-feel = Au moment de publier, je ressens { $feelings }.
journeys-portrait-truth = Ce que je tenais à montrer de moi : « { $text } ».
journeys-portrait-school-humour = Dans la cour d'école, je faisais rire les autres.
journeys-portrait-school-discreet = Dans la cour d'école, je restais plutôt en retrait.
journeys-portrait-school-leader = Dans la cour d'école, je menais la bande.
journeys-portrait-school-serious = Dans la cour d'école, je jouais la carte du sérieux.
journeys-portrait-school-edgy = Dans la cour d'école, je jouais la provocation.
journeys-portrait-school-helper = Dans la cour d'école, je veillais sur les autres.
journeys-feeling-joyeux = de la joie
journeys-feeling-heureux = du bonheur
journeys-feeling-content = du contentement
journeys-feeling-ravi = du plaisir
journeys-feeling-amuse = de l'amusement
journeys-feeling-emerveille = de l'émerveillement
journeys-feeling-satisfait = de la satisfaction
journeys-feeling-calme = du calme
journeys-feeling-serein = de la sérénité
journeys-feeling-apaise = de l'apaisement
journeys-feeling-detendu = de la détente
journeys-feeling-soulage = du soulagement
journeys-feeling-centre = de l'ancrage
journeys-feeling-reconnaissant = de la gratitude
journeys-feeling-touche = de l'émotion
journeys-feeling-emu = de l'émotion
journeys-feeling-comble = de la plénitude
journeys-feeling-enthousiaste = de l'enthousiasme
journeys-feeling-inspire = de l'inspiration
journeys-feeling-motive = de la motivation
journeys-feeling-plein_energie = de l'énergie
journeys-feeling-passionne = de la passion
journeys-feeling-vivant = de la vitalité
journeys-feeling-confiant = de la confiance
journeys-feeling-fier = de la fierté
journeys-feeling-rassure = du réconfort
journeys-feeling-en_securite = de la sécurité
journeys-feeling-libre = de la liberté
journeys-feeling-encourage = de l'encouragement
journeys-feeling-tendre = de la tendresse
journeys-feeling-chaleureux = de la chaleur
journeys-feeling-affectueux = de l'affection
journeys-feeling-connecte = du lien avec les autres
journeys-feeling-ouvert = de l'ouverture
journeys-feeling-curieux = de la curiosité
journeys-feeling-interesse = de l'intérêt
journeys-feeling-intrigue = de la curiosité
journeys-feeling-fascine = de la fascination
journeys-feeling-absorbe = de la concentration
journeys-feeling-plein_espoir = de l'espoir
journeys-feeling-optimiste = de l'optimisme
journeys-protect-lead_child =
    { $register ->
        [vous] Ce que vous décrivez là, votre enfant n'a pas à le vivre sans aide. Avant la suite du guide, voici ce qui protège :
       *[tu] Ce que tu décris là, ton enfant n'a pas à le vivre sans aide. Avant la suite du guide, voici ce qui protège :
    }
journeys-protect-lead_self =
    { $register ->
        [vous] Ce que vous décrivez demande qu'on vous protège d'abord. Voici ce qui aide :
       *[tu] Ce que tu décris demande qu'on te protège d'abord. Voici ce qui aide :
    }
journeys-protect-platform_default = la plateforme
journeys-protect-evidence = Garder des preuves : des captures d'écran des messages, avec la date et le nom du groupe ou du compte, avant qu'ils disparaissent.
journeys-protect-school = Prévenir l'établissement (professeur principal, CPE ou direction) : le harcèlement entre élèves le concerne, même en ligne.
journeys-protect-block = Sur { $platform }, bloquer et signaler les comptes (et le groupe), puis le quitter une fois les preuves gardées.
journeys-protect-talk = Lui redire que ce n'est pas sa faute, et que la porte reste ouverte pour en parler.
journeys-protect-alone = Ne pas répondre aux menaces, et en parler à quelqu'un de confiance : ça ne se porte pas tout seul.
journeys-protect-in_france = En France :
journeys-protect-service = { $name } : { $contact }, { $hours }. { $description }
journeys-protect-then =
    { $register ->
        [vous] On continue le guide quand vous voulez, ou on s'arrête là pour l'instant : les deux vont bien.
       *[tu] On continue le guide quand tu veux, ou on s'arrête là pour l'instant : les deux vont bien.
    }
journeys-protect-again = Je garde ça en tête. Le 3018 reste là (appel, chat sur 3018.fr ou application), gratuit, et les captures d'écran gardent la trace de ce qui s'est passé.
