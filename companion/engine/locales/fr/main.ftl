common-back_to_menu = Menu
common-continue = Continuer
common-cancel = Arrêter
common-yes = Oui
common-no = Non
common-stale_button = Ce bouton n'est plus actif, voici où on en est.
common-unknown_button = Je n'ai pas reconnu ce bouton. Voici où on en est.
picker-previous = ◀ Précédents
picker-next = Suivants ▶ ({ $page }/{ $pages })
onboarding-welcome =
    { $register ->
        [vous] Bonjour, moi c'est Compagnon.
            Je suis un programme, pas un humain, et pas un thérapeute. Je vous aide à prendre du recul sur votre vie en ligne : qui vous y êtes, ce que vous avez envie d'y partager, et comment répondre à un message qui vous heurte sans vous abîmer.
            Je m'inspire des idées du livre « Réseaux sociaux, mon amour » de Sébastien Ravut.
       *[tu] Bonjour, moi c'est Compagnon.
            Je suis un programme, pas un humain, et pas un thérapeute. Je t'aide à prendre du recul sur ta vie en ligne : qui tu y es, ce que tu as envie d'y partager, et comment répondre à un message qui te heurte sans t'abîmer.
            Je m'inspire des idées du livre « Réseaux sociaux, mon amour » de Sébastien Ravut.
    }
onboarding-privacy_short =
    { $register ->
        [vous] Vos données, en bref : ce que vous m'écrivez est gardé pour que vous retrouviez votre fil, jamais montré à quelqu'un d'autre, jamais revendu ni utilisé pour de la publicité. Vous pouvez tout effacer à tout moment avec /oubli.
            Compagnon est fait pour les personnes de 15 ans et plus. Si c'est votre cas et que ça vous va, on commence ?
       *[tu] Tes données, en bref : ce que tu m'écris est gardé pour que tu retrouves ton fil, jamais montré à quelqu'un d'autre, jamais revendu ni utilisé pour de la publicité. Tu peux tout effacer à tout moment avec /oubli.
            Compagnon est fait pour les personnes de 15 ans et plus. Si c'est ton cas et que ça te va, on commence ?
    }
onboarding-privacy_long =
    { $register ->
        [vous] Ce que je garde : votre langue, vos réglages, l'étape où vous en êtes, et ce que vous choisissez d'écrire dans votre journal. Rien d'autre.
            Où : dans la base de données de la personne ou de l'association qui fait tourner ce Compagnon. Le code est ouvert : chacun peut vérifier ce qu'il fait.
            Jamais : je ne montre vos mots à personne, je ne les écris pas dans les journaux techniques, je ne les vends pas.
            Vos messages vocaux : je les transcris ici même, sans les envoyer ailleurs ; je garde le texte, jamais l'enregistrement.
            Vos droits : /oubli efface tout ce qui vous concerne, tout de suite.
       *[tu] Ce que je garde : ta langue, tes réglages, l'étape où tu en es, et ce que tu choisis d'écrire dans ton journal. Rien d'autre.
            Où : dans la base de données de la personne ou de l'association qui fait tourner ce Compagnon. Le code est ouvert : chacun peut vérifier ce qu'il fait.
            Jamais : je ne montre tes mots à personne, je ne les écris pas dans les journaux techniques, je ne les vends pas.
            Tes messages vocaux : je les transcris ici même, sans les envoyer ailleurs ; je garde le texte, jamais l'enregistrement.
            Tes droits : /oubli efface tout ce qui te concerne, tout de suite.
    }
onboarding-accept = J'ai 15 ans ou plus, j'accepte
onboarding-under15 = J'ai moins de 15 ans
onboarding-more = En savoir plus sur mes données
onboarding-decline = Non merci
onboarding-nudge =
    { $register ->
        [vous] Pour commencer, j'ai besoin de savoir si vous avez 15 ans ou plus et si vous êtes d'accord. Vous pouvez répondre avec un des boutons.
       *[tu] Pour commencer, j'ai besoin de savoir si tu as 15 ans ou plus et si tu es d'accord. Tu peux répondre avec un des boutons.
    }
onboarding-minor = Merci de m'avoir répondu franchement. Compagnon est prévu pour les 15 ans et plus, alors je ne garde rien de notre échange.
    Si quelque chose te pèse, en ligne ou ailleurs, des adultes formés sont là pour toi, gratuitement et sans te juger :
onboarding-minor_end = Tu peux aussi en parler à un adulte en qui tu as confiance. Prends soin de toi.
onboarding-declined =
    { $register ->
        [vous] Pas de souci, je n'ai rien gardé. Si vous changez d'avis, envoyez /start.
       *[tu] Pas de souci, je n'ai rien gardé. Si tu changes d'avis, envoie /start.
    }
onboarding-done =
    { $register ->
        [vous] Merci. On y va, à votre rythme.
       *[tu] Merci. On y va, à ton rythme.
    }
menu-reply = Aide-moi à répondre à un message
menu-prompt =
    { $register ->
        [vous] Qu'est-ce qui vous ferait du bien maintenant ?
       *[tu] Qu'est-ce qui te ferait du bien maintenant ?
    }
menu-welcome_back =
    { $moment ->
        [evening] Bonsoir
       *[day] Bonjour
    }, { $variant ->
        [0]
            { $register ->
                [vous] vous revoilà. Content de vous retrouver.
               *[tu] te revoilà. Content de te retrouver.
            }
        [1]
            { $register ->
                [vous] content de vous relire. On reprend où vous voulez.
               *[tu] content de te relire. On reprend où tu veux.
            }
       *[other]
            { $register ->
                [vous] merci de revenir. Par quoi commence-t-on ?
               *[tu] merci de revenir. Par quoi on commence ?
            }
    }
menu-note = Écrire dans mon journal
menu-ask = Poser une question sur les thèmes
menu-settings = Réglages
menu-help = Ce que je sais faire
menu-resume = Reprendre où j'en étais
menu-personnage = Mon personnage en ligne
menu-mission = Ma mission
menu-famille = Parler des réseaux en famille
menu-journal = Relire mon journal
menu-moi = Mon portrait, ma mission
help-in_flow =
    { $register ->
        [vous] (Vous étiez en plein milieu de quelque chose : /reprendre pour y revenir.)
       *[tu] (Tu étais en plein milieu de quelque chose : /reprendre pour y revenir.)
    }
cancel-nothing = Il n'y avait rien en cours. Tout va bien.
resume-nothing = Il n'y a rien à reprendre pour l'instant.
resume-back = On reprend où on en était.
fallback-text = Je ne suis pas sûr de bien comprendre. Je suis un programme : je m'y retrouve surtout avec les boutons et les commandes. Voici ce que je peux faire.
fallback-empty =
    { $register ->
        [vous] Je n'ai rien reçu à lire. Écrivez-moi quand vous voulez.
       *[tu] Je n'ai rien reçu à lire. Écris-moi quand tu veux.
    }
fallback-too_long = C'est long, et c'est bien normal quand on a beaucoup à dire. J'ai tout gardé.
smalltalk-hello = Bonjour 🙂
smalltalk-how =
    { $register ->
        [vous] C'est gentil de demander. Je suis un programme, je n'ai pas d'humeur, mais je suis là pour vous.
       *[tu] C'est gentil de demander. Je suis un programme, je n'ai pas d'humeur, mais je suis là pour toi.
    }
smalltalk-thanks =
    { $register ->
        [vous] Avec plaisir. Je suis là quand vous voulez.
       *[tu] Avec plaisir. Je suis là quand tu veux.
    }
smalltalk-bye =
    { $register ->
        [vous] À bientôt. Prenez soin de vous.
       *[tu] À bientôt. Prends soin de toi.
    }
smalltalk-ack =
    { $register ->
        [vous] D'accord. Je suis là si vous avez besoin.
       *[tu] D'accord. Je suis là si tu as besoin.
    }
smalltalk-laugh = 😄
smalltalk-off_topic = Là-dessus, je ne suis pas le bon compagnon : je connais surtout la vie sur les réseaux, les messages qui blessent et ce qu'on y cherche. Une question de ce côté-là ?
care-checkin =
    { $register ->
        [vous] Ça a l'air très lourd. Est-ce que vous êtes en sécurité en ce moment ?
       *[tu] Ça a l'air très lourd. Est-ce que tu es en sécurité en ce moment ?
    }
care-safe = Oui, je suis en sécurité
care-unsafe = Non, pas vraiment
care-talk = J'ai besoin d'en parler
care-glad =
    { $register ->
        [vous] Merci de me le dire. Je reste là : vous pouvez m'écrire ce qui se passe, à votre rythme.
       *[tu] Merci de me le dire. Je reste là : tu peux m'écrire ce qui se passe, à ton rythme.
    }
care-listening =
    { $register ->
        [vous] Je vous écoute. Écrivez ce qui vous vient, sans chercher les bons mots. Et si ça devient trop lourd, le 3114 répond jour et nuit.
       *[tu] Je t'écoute. Écris ce qui te vient, sans chercher les bons mots. Et si ça devient trop lourd, le 3114 répond jour et nuit.
    }
care-resume =
    { $register ->
        [vous] Ce qu'on faisait vous attend, quand vous voulez.
       *[tu] Ce qu'on faisait t'attend, quand tu veux.
    }
crisis-intro =
    { $register ->
        [vous] { $spoken ->
            [yes] Ce que vous me dites
           *[no] Ce que vous écrivez
        } me touche et je le prends au sérieux. Je suis un programme : je ne peux pas vous aider comme un humain le ferait. Mais des personnes formées peuvent vous écouter, maintenant :
       *[tu] { $spoken ->
            [yes] Ce que tu me dis
           *[no] Ce que tu écris
        } me touche et je le prends au sérieux. Je suis un programme : je ne peux pas t'aider comme un humain le ferait. Mais des personnes formées peuvent t'écouter, maintenant :
    }
crisis-danger_intro =
    { $register ->
        [vous] Ce que vous décrivez est grave et vous n'avez pas à le porter { $agreement ->
            [feminine] seule
            [masculine] seul
           *[neutral] sans aide
        }. Je suis un programme : je ne peux pas intervenir, mais ces personnes le peuvent :
       *[tu] Ce que tu décris est grave et tu n'as pas à le porter { $agreement ->
            [feminine] seule
            [masculine] seul
           *[neutral] sans aide
        }. Je suis un programme : je ne peux pas intervenir, mais ces personnes le peuvent :
    }
crisis-outro =
    { $register ->
        [vous] Si vous êtes en danger immédiat, appelez le 112. Vous pouvez aussi en parler à quelqu'un de proche. Je reste là si vous voulez écrire.
       *[tu] Si tu es en danger immédiat, appelle le 112. Tu peux aussi en parler à quelqu'un de proche. Je reste là si tu veux écrire.
    }
crisis-other_intro =
    { $register ->
        [vous] Ce que vous racontez est inquiétant pour cette personne, et c'est lourd pour vous aussi. Vous pouvez appeler pour elle : ces lignes répondent aussi aux proches.
       *[tu] Ce que tu racontes est inquiétant pour cette personne, et c'est lourd pour toi aussi. Tu peux appeler pour elle : ces lignes répondent aussi aux proches.
    }
crisis-if_received =
    { $register ->
        [vous] Si ce sont les mots de quelqu'un d'autre, ces lignes répondent aussi aux proches. Vous pouvez aussi me transférer son message : on en parlera ensemble.
       *[tu] Si ce sont les mots de quelqu'un d'autre, ces lignes répondent aussi aux proches. Tu peux aussi me transférer son message : on en parlera ensemble.
    }
crisis-resume = Reprendre plus tard
crisis-more =
    { $n ->
        [one] Un autre numéro
       *[other] { $n } autres numéros
    }
crisis-paused =
    { $register ->
        [vous] Ce qu'on faisait est mis de côté, rien n'est perdu : /reprendre quand vous voulez.
       *[tu] Ce qu'on faisait est mis de côté, rien n'est perdu : /reprendre quand tu veux.
    }
note-ask =
    { $register ->
        [vous] Qu'avez-vous envie de garder dans votre journal aujourd'hui ? Une pensée, un ressenti, une phrase lue en ligne…
       *[tu] Qu'est-ce que tu as envie de garder dans ton journal aujourd'hui ? Une pensée, un ressenti, une phrase lue en ligne…
    }
note-saved =
    { $register ->
        [vous] C'est dans votre journal. Vous avez écrit : « { $excerpt } »
       *[tu] C'est dans ton journal. Tu as écrit : « { $excerpt } »
    }
note-short =
    { $register ->
        [vous] C'est un peu court pour moi. Vous voulez en dire un peu plus ? Même une phrase suffit.
       *[tu] C'est un peu court pour moi. Tu veux en dire un peu plus ? Même une phrase suffit.
    }
note-need_text =
    { $register ->
        [vous] Je vous écoute : écrivez votre note en quelques mots.
       *[tu] Je t'écoute : écris ta note en quelques mots.
    }
settings-prompt =
    { $register ->
        [vous] Réglages : je vous parle en français, et je vous vouvoie. Quand j'écris en votre nom, { settings-agreement_said }. Que voulez-vous changer ?
       *[tu] Réglages : je te parle en français, et je te tutoie. Quand j'écris en ton nom, { settings-agreement_said }. Que veux-tu changer ?
    }
settings-agreement_said =
    { $agreement ->
        [feminine] j'accorde au féminin (« je me suis sentie blessée »)
        [masculine] j'accorde au masculin (« je me suis senti blessé »)
       *[neutral] j'emploie des tournures sans accord (« j'ai ressenti de la peine »)
    }
settings-agree_fem = Accorder au féminin
settings-agree_masc = Accorder au masculin
settings-agree_neutral = Sans accord
settings-use_vous = Me vouvoyer
settings-use_tu = Me tutoyer
settings-to_english = English please
settings-to_french = En français
settings-done = C'est fait.
settings-close = C'est bon
forget-confirm =
    { $register ->
        [vous] Vous voulez vraiment tout effacer ? Votre journal, vos réglages et votre avancement seront supprimés pour de bon.
       *[tu] Tu veux vraiment tout effacer ? Ton journal, tes réglages et ton avancement seront supprimés pour de bon.
    }
forget-yes = Oui, tout effacer
forget-no = Non, garder
forget-done =
    { $register ->
        [vous] C'est fait : j'ai tout effacé. Si vous voulez recommencer un jour, envoyez /start.
       *[tu] C'est fait : j'ai tout effacé. Si tu veux recommencer un jour, envoie /start.
    }
forget-kept = D'accord, je ne touche à rien.
commands-repondre = Prendre le temps avant de répondre à un message
commands-start = Commencer
commands-menu = Le menu
commands-note = Écrire dans mon journal
commands-question = Poser une question sur les thèmes
commands-reprendre = Reprendre où j'en étais
commands-reglages = Langue, tu ou vous
commands-oubli = Effacer mes données
commands-help = Ce que je sais faire
commands-cancel = Arrêter ce qui est en cours
channel-private_only = Je fonctionne en conversation privée : écris-moi directement, ce qu'on se dit reste entre nous.
channel-error =
    { $register ->
        [vous] Oups, quelque chose s'est mal passé de mon côté. Rien de ce que vous avez écrit n'est perdu : vous pouvez réessayer dans un instant.
       *[tu] Oups, quelque chose s'est mal passé de mon côté. Rien de ce que tu as écrit n'est perdu : tu peux réessayer dans un instant.
    }
ask-prompt =
    { $register ->
        [vous] Posez-moi votre question sur la vie en ligne : les trolls, les émotions, les plateformes, les écrans en famille, l'IA…
       *[tu] Pose-moi ta question sur la vie en ligne : les trolls, les émotions, les plateformes, les écrans en famille, l'IA…
    }
ask-answer = « { $title } »
    { $gist }
    (Source : { $source })
ask-go_further = Pour aller plus loin : { $question }
ask-full = « { $title } »

    { $body }

    (Source : { $source })
ask-nothing =
    { $register ->
        [vous] Je n'ai rien trouvé dans ma base sur ce sujet. Je ne suis qu'un programme et je préfère vous le dire plutôt que d'inventer.
       *[tu] Je n'ai rien trouvé dans ma base sur ce sujet. Je ne suis qu'un programme et je préfère te le dire plutôt que d'inventer.
    }
ask-more = Lire le passage en entier
ask-next = Un autre éclairage
ask-write = Répondre à la question
ask-done = Merci, c'est bon

menu-more = Plus…
menu-more_prompt = Tout ce que je peux faire d'autre :
menu-plan = Mon plan de sécurité
help-text =
    { $register ->
        [vous] Je suis Compagnon, un programme (pas un humain) qui vous aide à vivre les réseaux sociaux avec moins de violence et plus de sens.
            Ce que je sais faire :
            /repondre : prendre le temps avant de répondre à un message qui vous heurte (ou transférez-le moi)
            /note : écrire une pensée dans votre journal
            /personnage : qui vous étiez dans la cour d'école, qui vous êtes en ligne, et votre portrait
            /mission : ce que vous avez vraiment envie de partager, en une phrase
            /famille : préparer une discussion en famille sur les réseaux et les jeux vidéo
            /journal : relire ou supprimer ce que vous avez écrit
            /moi : votre portrait, votre mission, votre journal en chiffres
            /question : poser une question sur les thèmes du livre (trolls, émotions, plateformes, famille, IA…)
            /rappels : une question du jour, à l'heure choisie
            /reglages : langue, tutoiement ou vouvoiement
            /plan : votre plan de sécurité, construit ensemble
            /reprendre : reprendre où vous en étiez
            /annuler : arrêter ce qu'on est en train de faire
            /oubli : effacer tout ce qui vous concerne
            Vous pouvez toujours revenir au /menu.
       *[tu] Je suis Compagnon, un programme (pas un humain) qui t'aide à vivre les réseaux sociaux avec moins de violence et plus de sens.
            Ce que je sais faire :
            /repondre : prendre le temps avant de répondre à un message qui te heurte (ou transfère-le moi)
            /note : écrire une pensée dans ton journal
            /personnage : qui tu étais dans la cour d'école, qui tu es en ligne, et ton portrait
            /mission : ce que tu as vraiment envie de partager, en une phrase
            /famille : préparer une discussion en famille sur les réseaux et les jeux vidéo
            /journal : relire ou supprimer ce que tu as écrit
            /moi : ton portrait, ta mission, ton journal en chiffres
            /question : poser une question sur les thèmes du livre (trolls, émotions, plateformes, famille, IA…)
            /rappels : une question du jour, à l'heure choisie
            /reglages : langue, tutoiement ou vouvoiement
            /plan : ton plan de sécurité, construit ensemble
            /reprendre : reprendre où tu en étais
            /annuler : arrêter ce qu'on est en train de faire
            /oubli : effacer tout ce qui te concerne
            Tu peux toujours revenir au /menu.
    }
cancel-done =
    { $register ->
        [vous] C'est noté, on s'arrête là. Ce que vous avez déjà écrit est gardé : /reprendre pour continuer plus tard.
       *[tu] C'est noté, on s'arrête là. Ce que tu as déjà écrit est gardé : /reprendre pour continuer plus tard.
    }
cancel-dropped = C'est noté, on s'arrête là.
fallback-unsupported =
    { $register ->
        [vous] Je ne sais lire que le texte : les stickers, photos ou fichiers, je ne peux pas les voir. Vous voulez me l'écrire en quelques mots ?
       *[tu] Je ne sais lire que le texte : les stickers, photos ou fichiers, je ne peux pas les voir. Tu veux me l'écrire en quelques mots ?
    }
smalltalk-about =
    { $register ->
        [vous] Je suis un programme, pas un humain : un compagnon open source, fait par les personnes qui contribuent au projet, à partir des idées du livre « Réseaux sociaux, mon amour » de Sébastien Ravut. Je peux vous aider à répondre à un message qui blesse, à faire le point sur votre vie en ligne, et garder votre journal. Ce que vous m'écrivez reste ici pour que vous retrouviez votre fil, jamais montré à quelqu'un d'autre : /mesdonnees vous montre tout, /oubli efface tout.
       *[tu] Je suis un programme, pas un humain : un compagnon open source, fait par les personnes qui contribuent au projet, à partir des idées du livre « Réseaux sociaux, mon amour » de Sébastien Ravut. Je peux t'aider à répondre à un message qui blesse, à faire le point sur ta vie en ligne, et garder ton journal. Ce que tu m'écris reste ici pour que tu retrouves ton fil, jamais montré à quelqu'un d'autre : /mesdonnees te montre tout, /oubli efface tout.
    }
commands-unknown = Je ne connais pas cette commande. Voici ce que je peux faire.
commands-plan = Mon plan de sécurité
