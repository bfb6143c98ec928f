# The constraints come in their own migration: PostgreSQL refuses to alter a table in the
# transaction that just updated its rows (pending foreign-key trigger events).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('census', '0003_observation_source_and_demo_marks'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='censusfigure',
            constraint=models.UniqueConstraint(condition=models.Q(('period__isnull', False)), fields=('dimension', 'key', 'network', 'period'), name='census_figure_one_per_period'),
        ),
        migrations.AddConstraint(
            model_name='censusfigure',
            constraint=models.UniqueConstraint(condition=models.Q(('period__isnull', True)), fields=('dimension', 'key', 'network'), name='census_figure_one_current'),
        ),
        migrations.AddConstraint(
            model_name='observation',
            constraint=models.CheckConstraint(condition=models.Q(('source__in', ['imported', 'submitted', 'generated'])), name='census_observation_source_known'),
        ),
        migrations.AddIndex(
            model_name='observation',
            index=models.Index(condition=models.Q(('source', 'generated')), fields=['source'], name='census_obs_generated'),
        ),
    ]
