plan-command = Mon plan de sécurité
plan-offer = Construire mon plan de sécurité
plan-intro =
    { $register ->
        [vous] Un plan de sécurité, c'est une feuille de route pour les moments où tout devient trop lourd. On l'écrit maintenant, à tête reposée, pour l'avoir sous la main le jour où on en a besoin. Six petites questions, une à la fois. Vous pouvez passer celles qui ne vous parlent pas.
       *[tu] Un plan de sécurité, c'est une feuille de route pour les moments où tout devient trop lourd. On l'écrit maintenant, à tête reposée, pour l'avoir sous la main le jour où on en a besoin. Six petites questions, une à la fois. Tu peux passer celles qui ne te parlent pas.
    }
plan-q_signs =
    { $register ->
        [vous] ({ $n }/{ $total }) À quoi remarquez-vous que ça commence à aller mal ? Une pensée, une sensation, une habitude qui revient…
       *[tu] ({ $n }/{ $total }) À quoi tu remarques que ça commence à aller mal ? Une pensée, une sensation, une habitude qui revient…
    }
plan-h_signs = Par exemple : je ne dors plus, je scrolle la nuit, je m'isole.
plan-q_alone =
    { $register ->
        [vous] ({ $n }/{ $total }) Qu'est-ce qui vous aide un peu, quand vous êtes face à ça sans personne autour ?
       *[tu] ({ $n }/{ $total }) Qu'est-ce qui t'aide un peu, quand tu fais face à ça sans personne autour ?
    }
plan-h_alone = Par exemple : marcher, une musique, une douche chaude, poser le téléphone dans une autre pièce.
plan-q_places =
    { $register ->
        [vous] ({ $n }/{ $total }) Quelles personnes ou quels lieux vous changent les idées ?
       *[tu] ({ $n }/{ $total }) Quelles personnes ou quels lieux te changent les idées ?
    }
plan-h_places = Pas besoin de parler de ce qui va mal : juste être avec quelqu'un, ou ailleurs. Un café, une salle de sport, un cousin…
plan-q_people =
    { $register ->
        [vous] ({ $n }/{ $total }) À qui pourriez-vous demander de l'aide, si ça devenait trop lourd ? Un prénom, et si vous voulez, un numéro.
       *[tu] ({ $n }/{ $total }) À qui pourrais-tu demander de l'aide, si ça devenait trop lourd ? Un prénom, et si tu veux, un numéro.
    }
plan-h_people = Quelqu'un de confiance, de la famille, un ami, un voisin.
plan-q_pros =
    { $register ->
        [vous] ({ $n }/{ $total }) Y a-t-il des professionnels que vous pouvez appeler ? Un médecin, un psy, une infirmière scolaire…
       *[tu] ({ $n }/{ $total }) Y a-t-il des professionnels que tu peux appeler ? Un médecin, un psy, une infirmière scolaire…
    }
plan-h_pros =
    { $register ->
        [vous] Le 3114 sera toujours dans votre plan : il répond jour et nuit, gratuitement.
       *[tu] Le 3114 sera toujours dans ton plan : il répond jour et nuit, gratuitement.
    }
plan-q_safer =
    { $register ->
        [vous] ({ $n }/{ $total }) Qu'est-ce qui pourrait rendre votre environnement plus sûr dans ces moments-là ?
       *[tu] ({ $n }/{ $total }) Qu'est-ce qui pourrait rendre ton environnement plus sûr dans ces moments-là ?
    }
plan-h_safer = Par exemple : confier certains objets ou médicaments à quelqu'un, avoir quelqu'un près de soi, couper les notifications.
plan-before =
    { $register ->
        [vous] Ce que vous aviez écrit : « { $text } ». Écrivez autre chose pour le changer, ou passez pour le garder.
       *[tu] Ce que tu avais écrit : « { $text } ». Écris autre chose pour le changer, ou passe pour le garder.
    }
plan-nobody = C'est lourd, de sentir qu'il n'y a personne. Ce n'est pas une question à réussir : on passe, et le 3114 pourra toujours être ce premier appel.
plan-skip = Passer
plan-stop = On s'arrête là
plan-edit = Modifier
plan-close = Fermer
plan-title = 🧭 Mon plan de sécurité
plan-line = { $title } : { $text }
plan-t_signs = Mes signes d'alerte
plan-t_alone = Ce qui m'aide, sans personne autour
plan-t_places = Les personnes et les lieux qui me changent les idées
plan-t_people = À qui demander de l'aide
plan-t_pros = Les professionnels
plan-t_safer = Pour un environnement plus sûr
plan-lines = Toujours là : le 3114, jour et nuit, gratuit. En danger immédiat : le 15 ou le 112.
plan-saved =
    { $register ->
        [vous] C'est gardé. Vous pouvez le retrouver à tout moment avec /plan.
       *[tu] C'est gardé. Tu peux le retrouver à tout moment avec /plan.
    }
plan-empty =
    { $register ->
        [vous] D'accord, on le laisse de côté pour l'instant. Le 3114 répond jour et nuit, et /plan reste là quand vous voulez.
       *[tu] D'accord, on le laisse de côté pour l'instant. Le 3114 répond jour et nuit, et /plan reste là quand tu veux.
    }
plan-closed =
    { $register ->
        [vous] D'accord. Votre plan reste là, /plan le rouvre.
       *[tu] D'accord. Ton plan reste là, /plan le rouvre.
    }
