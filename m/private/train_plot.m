function train_plot(info, file, title_text)
% TRAIN_PLOT  A PNG of the loss and metric history of nn_train (option 'Plot').
  f = nn_figure([900 380]);
  e = 1:numel(info.loss);
  style = {'-', 'LineWidth', 1.5};
  if numel(e) <= 30
    style = {'-o', 'LineWidth', 1.5};
  end
  panels = {{info.loss, info.val_loss, ['loss (' info.loss_name ')']}, ...
            {info.metric, info.val_metric, info.metric_name}};
  for k = 1:2
    subplot(1, 2, k);
    plot(e, panels{k}{1}, style{:}, 'Color', [0 0.35 0.8]);
    hold on
    if any(isfinite(panels{k}{2}))
      plot(e, panels{k}{2}, style{:}, 'Color', [0.85 0.2 0.1]);
      legend('training', 'validation');
    end
    xlabel('epoch');
    ylabel(panels{k}{3});
    grid on
    if k == 1
      title(title_text, 'FontSize', 9);
    else
      title(sprintf('%s after %d epochs: %.4g', panels{k}{3}, numel(e), panels{k}{1}(end)), 'FontSize', 9);
    end
  end
  nn_figure(f, file);
end
