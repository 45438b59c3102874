voice-heard = J'ai entendu : « { $text } »
    C'est bien ça ?
voice-heard_forwarded = Dans ce vocal transféré, j'ai entendu : « { $text } »
    C'est bien ça ?
voice-ok = C'est ça
voice-received = On me l'a envoyé
voice-fix = Je corrige
voice-fix_prompt =
    { $register ->
        [vous] D'accord. Écrivez-moi la bonne version, je la lirai comme si vous l'aviez tapée.
       *[tu] D'accord. Écris-moi la bonne version, je la lirai comme si tu l'avais tapée.
    }
voice-too_long =
    { $register ->
        [vous] Ce vocal dure plus de 3 minutes, c'est trop long pour moi. Vous pouvez m'en envoyer un plus court, ou me l'écrire ?
       *[tu] Ce vocal dure plus de 3 minutes, c'est trop long pour moi. Tu peux m'en envoyer un plus court, ou me l'écrire ?
    }
voice-unreadable =
    { $register ->
        [vous] Je n'ai pas réussi à écouter ce vocal. Vous pouvez réessayer, ou me l'écrire ?
       *[tu] Je n'ai pas réussi à écouter ce vocal. Tu peux réessayer, ou me l'écrire ?
    }
voice-empty =
    { $register ->
        [vous] Je n'ai rien entendu dans ce vocal. Vous pouvez réessayer, ou me l'écrire ?
       *[tu] Je n'ai rien entendu dans ce vocal. Tu peux réessayer, ou me l'écrire ?
    }
voice-off =
    { $register ->
        [vous] Je ne peux pas écouter les vocaux pour le moment. Vous voulez me l'écrire en quelques mots ?
       *[tu] Je ne peux pas écouter les vocaux pour le moment. Tu veux me l'écrire en quelques mots ?
    }
voice-video_note =
    { $register ->
        [vous] J'écoute les messages vocaux, mais pas les messages vidéo. Vous pouvez m'envoyer un vocal, ou me l'écrire ?
       *[tu] J'écoute les messages vocaux, mais pas les messages vidéo. Tu peux m'envoyer un vocal, ou me l'écrire ?
    }
voice-audio_file =
    { $register ->
        [vous] J'écoute les messages vocaux enregistrés dans Telegram, pas les fichiers audio. Vous pouvez m'envoyer un vocal, ou me l'écrire ?
       *[tu] J'écoute les messages vocaux enregistrés dans Telegram, pas les fichiers audio. Tu peux m'envoyer un vocal, ou me l'écrire ?
    }
